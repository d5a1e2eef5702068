from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'words.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_component_statuses = l_0_update_statuses = l_0_impacts = l_0_indicator_descriptions = l_0_headline = l_0_affected = l_0_overall_sentence = l_0_operational_again = l_0_signature_states = l_0_feed_description = l_0_calendar_name = l_0_calendar_description = l_0_affects = missing
    try:
        t_1 = environment.filters['names']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'names' found.")
    pass
    l_0_component_statuses = {'operational': Markup('Beroperasi normal'), 'degraded_performance': Markup('Kinerja menurun'), 'partial_outage': Markup('Gangguan sebagian'), 'major_outage': Markup('Gangguan besar'), 'under_maintenance': Markup('Dalam pemeliharaan')}
    context.vars['component_statuses'] = l_0_component_statuses
    context.exported_vars.add('component_statuses')
    l_0_update_statuses = {'investigating': Markup('Diselidiki'), 'identified': Markup('Teridentifikasi'), 'monitoring': Markup('Dipantau'), 'resolved': Markup('Selesai'), 'update': Markup('Pembaruan'), 'scheduled': Markup('Terjadwal'), 'in_progress': Markup('Sedang berlangsung'), 'verifying': Markup('Memverifikasi'), 'completed': Markup('Selesai'), 'cancelled': Markup('Dibatalkan'), 'postmortem': Markup('Postmortem')}
    context.vars['update_statuses'] = l_0_update_statuses
    context.exported_vars.add('update_statuses')
    l_0_impacts = {'none': Markup('Tanpa dampak'), 'minor': Markup('Dampak kecil'), 'major': Markup('Dampak besar'), 'critical': Markup('Dampak kritis')}
    context.vars['impacts'] = l_0_impacts
    context.exported_vars.add('impacts')
    l_0_indicator_descriptions = {'none': Markup('Semua Sistem Beroperasi Normal'), 'degraded': Markup('Layanan Menurun Sebagian'), 'minor': Markup('Gangguan Layanan Ringan'), 'major': Markup('Gangguan Sistem Sebagian'), 'critical': Markup('Gangguan Layanan Besar'), 'maintenance': Markup('Layanan Dalam Pemeliharaan')}
    context.vars['indicator_descriptions'] = l_0_indicator_descriptions
    context.exported_vars.add('indicator_descriptions')
    def macro(l_1_overall):
        t_2 = []
        if l_1_overall is missing:
            l_1_overall = undefined("parameter 'overall' was not provided", name='overall')
        pass
        t_2.append(
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem({'none': (Markup('Semua sistem beroperasi normal') if (not (_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents'))) else Markup('Kami sedang menyelidiki sebuah insiden')), 'minor': Markup('Gangguan layanan ringan'), 'major': Markup('Gangguan sistem sebagian'), 'critical': Markup('Gangguan sistem besar'), 'maintenance': Markup('Pemeliharaan sedang berlangsung')}, (_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'indicator', missing)) is not missing else environment.getattr(_theme_object, 'indicator')))) is str else escape_output(_theme_text)),
        )
        return concat(t_2)
    context.exported_vars.add('headline')
    context.vars['headline'] = l_0_headline = Macro(environment, macro, 'headline', ('overall',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_key, l_1_names):
        t_3 = []
        l_1_list = missing
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        if l_1_names is missing:
            l_1_names = undefined("parameter 'names' was not provided", name='names')
        pass
        l_1_list = t_1(l_1_names)
        t_3.append(
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem({'major_outage': (Markup('Gangguan besar pada %(names)s') % {'names': (undefined(name='list') if l_1_list is missing else l_1_list)}), 'partial_outage': (Markup('Gangguan sebagian pada %(names)s') % {'names': (undefined(name='list') if l_1_list is missing else l_1_list)}), 'degraded_performance': (Markup('Kinerja menurun pada %(names)s') % {'names': (undefined(name='list') if l_1_list is missing else l_1_list)}), 'under_maintenance': (Markup('Pemeliharaan pada %(names)s') % {'names': (undefined(name='list') if l_1_list is missing else l_1_list)})}, l_1_key)) is str else escape_output(_theme_text)),
        )
        return concat(t_3)
    context.exported_vars.add('affected')
    context.vars['affected'] = l_0_affected = Macro(environment, macro, 'affected', ('key', 'names'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_overall):
        t_4 = []
        if l_1_overall is missing:
            l_1_overall = undefined("parameter 'overall' was not provided", name='overall')
        pass
        l_2_loop = missing
        for (l_2_status, l_2_names), l_2_loop in LoopContext((_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')), undefined):
            _loop_vars = {}
            pass
            t_4.extend((
                (fast_escape_text(_theme_text) if type(_theme_text := ('; ' if (not (_theme_value if (_theme_value := getattr((_theme_object := l_2_loop), 'first', missing)) is not missing else environment.getattr(_theme_object, 'first'))) else cond_expr_undefined("the inline if-expression on line 28 in 'words.html' evaluated to false and no else section was defined."))) is str else escape_output(_theme_text)),
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='affected') if l_0_affected is missing else l_0_affected), (_theme_value if (_theme_value := getattr((_theme_object := l_2_status), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), l_2_names, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
            ))
        l_2_loop = l_2_status = l_2_names = missing
        if (not (_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts'))):
            pass
            t_4.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Menyelidiki insiden yang sedang terbuka') if (_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')) else Markup('Semua sistem beroperasi normal'))) is str else escape_output(_theme_text)),
            )
        return concat(t_4)
    context.exported_vars.add('overall_sentence')
    context.vars['overall_sentence'] = l_0_overall_sentence = Macro(environment, macro, 'overall_sentence', ('overall',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_name):
        t_5 = []
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        pass
        t_5.append(
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s: beroperasi normal kembali') % {'name': l_1_name})) is str else escape_output(_theme_text)),
        )
        return concat(t_5)
    context.exported_vars.add('operational_again')
    context.vars['operational_again'] = l_0_operational_again = Macro(environment, macro, 'operational_again', ('name',), False, False, False, context.eval_ctx.autoescape)
    l_0_signature_states = {'verified': Markup('Tanda tangan terverifikasi'), 'other': Markup('Ditandatangani oleh orang lain'), 'unknown': Markup('Ditandatangani dengan kunci yang tidak dikenal'), 'bad': Markup('Tanda tangan tidak cocok dengan commit-nya'), 'unsigned': Markup('Tidak ditandatangani'), 'uncommitted': Markup('Belum di-commit')}
    context.vars['signature_states'] = l_0_signature_states
    context.exported_vars.add('signature_states')
    def macro(l_1_site, l_1_component, l_1_incident):
        t_6 = []
        if l_1_site is missing:
            l_1_site = undefined("parameter 'site' was not provided", name='site')
        if l_1_component is missing:
            l_1_component = ''
        if l_1_incident is missing:
            l_1_incident = False
        pass
        if l_1_incident:
            pass
            t_6.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Setiap pembaruan tentang insiden ini dari %(site)s') % {'site': l_1_site})) is str else escape_output(_theme_text)),
            )
        elif l_1_component:
            pass
            t_6.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Setiap pembaruan tentang %(component)s dari %(site)s') % {'component': l_1_component, 'site': l_1_site})) is str else escape_output(_theme_text)),
            )
        else:
            pass
            t_6.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Setiap pembaruan dari %(site)s') % {'site': l_1_site})) is str else escape_output(_theme_text)),
            )
        return concat(t_6)
    context.exported_vars.add('feed_description')
    context.vars['feed_description'] = l_0_feed_description = Macro(environment, macro, 'feed_description', ('site', 'component', 'incident'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_site):
        t_7 = []
        if l_1_site is missing:
            l_1_site = undefined("parameter 'site' was not provided", name='site')
        pass
        t_7.append(
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(site)s: pemeliharaan') % {'site': l_1_site})) is str else escape_output(_theme_text)),
        )
        return concat(t_7)
    context.exported_vars.add('calendar_name')
    context.vars['calendar_name'] = l_0_calendar_name = Macro(environment, macro, 'calendar_name', ('site',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_address):
        t_8 = []
        if l_1_address is missing:
            l_1_address = undefined("parameter 'address' was not provided", name='address')
        pass
        t_8.append(
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Jadwal pemeliharaan terencana yang diumumkan di %(address)s') % {'address': l_1_address})) is str else escape_output(_theme_text)),
        )
        return concat(t_8)
    context.exported_vars.add('calendar_description')
    context.vars['calendar_description'] = l_0_calendar_description = Macro(environment, macro, 'calendar_description', ('address',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_names):
        t_9 = []
        if l_1_names is missing:
            l_1_names = undefined("parameter 'names' was not provided", name='names')
        pass
        t_9.append(
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Berdampak pada: %(names)s') % {'names': t_1(l_1_names)})) is str else escape_output(_theme_text)),
        )
        return concat(t_9)
    context.exported_vars.add('affects')
    context.vars['affects'] = l_0_affects = Macro(environment, macro, 'affects', ('names',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '6=19&8=22&9=25&12=28&15=31&16=37&21=42&22=50&23=52&27=57&28=63&29=71&33=79&34=85&38=90&42=93&43=102&47=120&48=126&50=131&51=137&53=142&54=148'