from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notices.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_labels = l_0_text = l_0_unsigned = missing
    try:
        t_1 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_2 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    pass
    l_0_labels = {'reminder': Markup('Reminder'), 'started': Markup('Started'), 'completed': Markup('Completed')}
    context.vars['labels'] = l_0_labels
    context.exported_vars.add('labels')
    def macro(l_1_kind, l_1_start, l_1_end):
        t_3 = []
        l_1_opens = l_1_closes = missing
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_start is missing:
            l_1_start = undefined("parameter 'start' was not provided", name='start')
        if l_1_end is missing:
            l_1_end = undefined("parameter 'end' was not provided", name='end')
        pass
        l_1_opens = markup_join((t_1(l_1_start), ' (', t_2(l_1_start), ')', ))
        l_1_closes = markup_join((t_1(l_1_end), ' (', t_2(l_1_end), ')', ))
        if (l_1_kind == 'reminder'):
            pass
            t_3.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('This maintenance is scheduled from %(start)s to %(end)s.') % {'start': (undefined(name='opens') if l_1_opens is missing else l_1_opens), 'end': (undefined(name='closes') if l_1_closes is missing else l_1_closes)})) is str else escape_output(_theme_text)),
            )
        elif (l_1_kind == 'started'):
            pass
            t_3.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('This maintenance window opened at %(start)s, as scheduled, and is scheduled to close at %(end)s.') % {'start': (undefined(name='opens') if l_1_opens is missing else l_1_opens), 'end': (undefined(name='closes') if l_1_closes is missing else l_1_closes)})) is str else escape_output(_theme_text)),
            )
        else:
            pass
            t_3.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('This maintenance window closed at %(end)s, as scheduled.') % {'end': (undefined(name='closes') if l_1_closes is missing else l_1_closes)})) is str else escape_output(_theme_text)),
            )
        return concat(t_3)
    context.exported_vars.add('text')
    context.vars['text'] = l_0_text = Macro(environment, macro, 'text', ('kind', 'start', 'end'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_4 = []
        pass
        t_4.append(
            'This is an automatic notice from the maintenance schedule: no one wrote or signed it.',
        )
        return concat(t_4)
    context.exported_vars.add('unsigned')
    context.vars['unsigned'] = l_0_unsigned = Macro(environment, macro, 'unsigned', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '7=25&10=28&11=38&12=39&13=40&14=45&15=53&19=58'