from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'embed.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_state = resolve('state')
    l_0_item = resolve('item')
    l_0_root = resolve('root')
    l_0_home = resolve('home')
    l_0_config = resolve('config')
    l_0_content_security_policy = resolve('content_security_policy')
    l_0_headline = l_0_icons = l_0_status_label = l_0_incident_status = l_0_overall_parts = l_0_overall = l_0_incidents = l_0_planned = l_0_full = missing
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_3 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    included_template = environment.get_template('words.html', 'embed.html')._get_default_module(context)
    l_0_headline = getattr(included_template, 'headline', missing)
    if l_0_headline is missing:
        l_0_headline = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'embed.html') does not export the requested name 'headline'", name='headline')
    context.vars['headline'] = l_0_headline
    context.exported_vars.discard('headline')
    included_template = environment.get_template('macros.html', 'embed.html')._get_default_module(context)
    l_0_icons = getattr(included_template, 'icons', missing)
    if l_0_icons is missing:
        l_0_icons = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'embed.html') does not export the requested name 'icons'", name='icons')
    l_0_status_label = getattr(included_template, 'status_label', missing)
    if l_0_status_label is missing:
        l_0_status_label = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'embed.html') does not export the requested name 'status_label'", name='status_label')
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'embed.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_overall_parts = getattr(included_template, 'overall_parts', missing)
    if l_0_overall_parts is missing:
        l_0_overall_parts = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'embed.html') does not export the requested name 'overall_parts'", name='overall_parts')
    context.vars.update({'icons': l_0_icons, 'status_label': l_0_status_label, 'incident_status': l_0_incident_status, 'overall_parts': l_0_overall_parts})
    context.exported_vars.difference_update(('icons', 'status_label', 'incident_status', 'overall_parts'))
    l_0_overall = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'overall', missing)) is not missing else environment.getattr(_theme_object, 'overall'))
    context.vars['overall'] = l_0_overall
    context.exported_vars.add('overall')
    l_0_incidents = (t_1(context.eval_ctx, t_3(context, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')), 'is_open')) if (undefined(name='item') if l_0_item is missing else l_0_item) else (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')))
    context.vars['incidents'] = l_0_incidents
    context.exported_vars.add('incidents')
    l_0_planned = ((t_1(context.eval_ctx, t_3(context, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'maintenances', missing)) is not missing else environment.getattr(_theme_object, 'maintenances')), 'is_active')) + t_1(context.eval_ctx, t_3(context, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'maintenances', missing)) is not missing else environment.getattr(_theme_object, 'maintenances')), 'is_upcoming'))) if (undefined(name='item') if l_0_item is missing else l_0_item) else ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'active_maintenances', missing)) is not missing else environment.getattr(_theme_object, 'active_maintenances')) + (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'upcoming_maintenances', missing)) is not missing else environment.getattr(_theme_object, 'upcoming_maintenances'))))
    context.vars['planned'] = l_0_planned
    context.exported_vars.add('planned')
    l_0_full = (markup_join(((undefined(name='root') if l_0_root is missing else l_0_root), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')), )) if (undefined(name='item') if l_0_item is missing else l_0_item) else (undefined(name='home') if l_0_home is missing else l_0_home))
    context.vars['full'] = l_0_full
    context.exported_vars.add('full')
    yield '<!DOCTYPE html>\n<html lang="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'language', missing)) is not missing else environment.getattr(_theme_object, 'language'))) is str else escape_output(_theme_text))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='content_security_policy') if l_0_content_security_policy is missing else l_0_content_security_policy)) is str else escape_output(_theme_text))
    yield '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (markup_join(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), ' · ', )) if (undefined(name='item') if l_0_item is missing else l_0_item) else cond_expr_undefined("the inline if-expression on line 17 in 'embed.html' evaluated to false and no else section was defined."))) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '</title>\n<meta name="color-scheme" content="light dark">\n<link rel="stylesheet" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'static/embed.css">\n<link rel="icon" href="data:,">\n'
    template = environment.get_template('feeds_head.html', 'embed.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'full': l_0_full, 'headline': l_0_headline, 'icons': l_0_icons, 'incident_status': l_0_incident_status, 'incidents': l_0_incidents, 'overall': l_0_overall, 'overall_parts': l_0_overall_parts, 'planned': l_0_planned, 'status_label': l_0_status_label}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</head>\n<body>\n<main class="embed">\n'
    if (undefined(name='item') if l_0_item is missing else l_0_item):
        pass
        yield '<p class="name"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='full') if l_0_full is missing else l_0_full)) is str else escape_output(_theme_text))
        yield '" target="_blank" rel="noopener">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield '</a></p>\n<p class="now">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_0_status_label is missing else l_0_status_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')))) is str else escape_output(_theme_text))
        yield '</p>\n'
    else:
        pass
        yield '<p class="name"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='full') if l_0_full is missing else l_0_full)) is str else escape_output(_theme_text))
        yield '" target="_blank" rel="noopener">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a></p>\n<p class="now o-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'indicator', missing)) is not missing else environment.getattr(_theme_object, 'indicator'))) is str else escape_output(_theme_text))
        yield '"><span class="icon" aria-hidden="true">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (environment.getitem((undefined(name='icons') if l_0_icons is missing else l_0_icons), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key'))) if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')) else ('✓' if (not (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents'))) else '!'))) is str else escape_output(_theme_text))
        yield '</span> '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='headline') if l_0_headline is missing else l_0_headline), (undefined(name='overall') if l_0_overall is missing else l_0_overall))) is str else escape_output(_theme_text))
        yield '</p>\n'
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')):
            pass
            yield '<ul class="parts">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='overall_parts') if l_0_overall_parts is missing else l_0_overall_parts), (undefined(name='overall') if l_0_overall is missing else l_0_overall))) is str else escape_output(_theme_text))
            yield '</ul>'
    for l_1_inc in (undefined(name='incidents') if l_0_incidents is missing else l_0_incidents)[:3]:
        _loop_vars = {}
        pass
        yield '<p class="item"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '" target="_blank" rel="noopener">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a> '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_0_incident_status is missing else l_0_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '</p>\n'
    l_1_inc = missing
    for l_1_m in (undefined(name='planned') if l_0_planned is missing else l_0_planned)[:2]:
        _loop_vars = {}
        pass
        yield '<p class="item"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '" target="_blank" rel="noopener">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a> '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_0_incident_status is missing else l_0_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield ' <span class="meta">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'scheduled_start', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_start')))) is str else escape_output(_theme_text))
        yield '</span></p>\n'
    l_1_m = missing
    yield '<p class="meta">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Per %(time)s') % {'time': t_2((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'now', missing)) is not missing else environment.getattr(_theme_object, 'now')))})) is str else escape_output(_theme_text))
    yield ' · <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='full') if l_0_full is missing else l_0_full)) is str else escape_output(_theme_text))
    yield '" target="_blank" rel="noopener">Halaman status lengkap<span class="sr"> (terbuka di tab baru)</span></a></p>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '4=37&5=43&6=58&7=61&8=64&9=67&11=71&14=73&17=75&19=78&21=80&25=87&26=90&27=94&29=99&30=103&31=109&33=114&34=118&36=126&37=130&39=141'