from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notify.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_message = resolve('message')
    l_0_components = resolve('components')
    l_0_signature_states = l_0_entry = missing
    try:
        t_1 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_2 = environment.filters['names']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'names' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    pass
    included_template = environment.get_template('words.html', 'notify.html')._get_default_module(context)
    l_0_signature_states = getattr(included_template, 'signature_states', missing)
    if l_0_signature_states is missing:
        l_0_signature_states = undefined(f"the template {included_template.__name__!r} (imported on line 6 in 'notify.html') does not export the requested name 'signature_states'", name='signature_states')
    context.vars['signature_states'] = l_0_signature_states
    context.exported_vars.discard('signature_states')
    l_0_entry = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'entry', missing)) is not missing else environment.getattr(_theme_object, 'entry'))
    context.vars['entry'] = l_0_entry
    context.exported_vars.add('entry')
    yield '<p><strong>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'status_label', missing)) is not missing else environment.getattr(_theme_object, 'status_label'))) is str else escape_output(_theme_text))
    yield '</strong> · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='entry') if l_0_entry is missing else l_0_entry)), 'published', missing)) is not missing else environment.getattr(_theme_object, 'published')))) is str else escape_output(_theme_text))
    yield ' ('
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_4((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='entry') if l_0_entry is missing else l_0_entry)), 'published', missing)) is not missing else environment.getattr(_theme_object, 'published')))) is str else escape_output(_theme_text))
    yield ')</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'unsigned', missing)) is not missing else environment.getattr(_theme_object, 'unsigned')):
        pass
        yield '<p>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'unsigned', missing)) is not missing else environment.getattr(_theme_object, 'unsigned'))) is str else escape_output(_theme_text))
        yield '</p>\n'
    else:
        pass
        yield '<p>Signed by '
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author')):
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield ', '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author'))), 'role', missing)) is not missing else environment.getattr(_theme_object, 'role'))) is str else escape_output(_theme_text))
        else:
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='entry') if l_0_entry is missing else l_0_entry)), 'author_id', missing)) is not missing else environment.getattr(_theme_object, 'author_id'))) is str else escape_output(_theme_text))
        if ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'signature', missing)) is not missing else environment.getattr(_theme_object, 'signature')) in (undefined(name='signature_states') if l_0_signature_states is missing else l_0_signature_states)):
            pass
            yield ' · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='signature_states') if l_0_signature_states is missing else l_0_signature_states), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'signature', missing)) is not missing else environment.getattr(_theme_object, 'signature')))) is str else escape_output(_theme_text))
        yield '</p>\n'
    if (undefined(name='components') if l_0_components is missing else l_0_components):
        pass
        yield '<p>Affected components: '
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((undefined(name='components') if l_0_components is missing else l_0_components))) is str else escape_output(_theme_text))
        yield '</p>\n'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'text_html', missing)) is not missing else environment.getattr(_theme_object, 'text_html')))) is str else escape_output(_theme_text))
    yield '\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'next_update', missing)) is not missing else environment.getattr(_theme_object, 'next_update')):
        pass
        yield '<p>Next update by '
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'next_update', missing)) is not missing else environment.getattr(_theme_object, 'next_update')))) is str else escape_output(_theme_text))
        yield ' ('
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_4((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='message') if l_0_message is missing else l_0_message)), 'next_update', missing)) is not missing else environment.getattr(_theme_object, 'next_update')))) is str else escape_output(_theme_text))
        yield ')</p>\n'
    yield '<p>Read it on the status page: <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='entry') if l_0_entry is missing else l_0_entry)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='entry') if l_0_entry is missing else l_0_entry)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '</a></p>\n'

blocks = {}
debug_info = '6=39&7=45&8=49&9=55&10=58&12=63&14=76&15=79&17=81&18=83&19=86&21=91'