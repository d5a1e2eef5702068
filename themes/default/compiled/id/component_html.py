from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'component.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_status_label = l_0_incident_status = l_0_impact_label = l_0_window = missing
    pass
    parent_template = environment.get_template('base.html', 'component.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('macros.html', 'component.html')._get_default_module(context)
    l_0_status_label = getattr(included_template, 'status_label', missing)
    if l_0_status_label is missing:
        l_0_status_label = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'component.html') does not export the requested name 'status_label'", name='status_label')
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'component.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_impact_label = getattr(included_template, 'impact_label', missing)
    if l_0_impact_label is missing:
        l_0_impact_label = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'component.html') does not export the requested name 'impact_label'", name='impact_label')
    l_0_window = getattr(included_template, 'window', missing)
    if l_0_window is missing:
        l_0_window = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'component.html') does not export the requested name 'window'", name='window')
    context.vars.update({'status_label': l_0_status_label, 'incident_status': l_0_incident_status, 'impact_label': l_0_impact_label, 'window': l_0_window})
    context.exported_vars.difference_update(('status_label', 'incident_status', 'impact_label', 'window'))
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_item = resolve('item')
    l_0_config = resolve('config')
    pass
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
    yield ' · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_item = resolve('item')
    l_0_home = resolve('home')
    l_0_status_label = resolve('status_label')
    try:
        t_1 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_2 = environment.filters['iso']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'iso' found.")
    try:
        t_3 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<p class="meta">'
    if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'group', missing)) is not missing else environment.getattr(_theme_object, 'group')):
        pass
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'group', missing)) is not missing else environment.getattr(_theme_object, 'group'))) is str else escape_output(_theme_text))
        yield ' · '
    yield '<a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='home') if l_0_home is missing else l_0_home)) is str else escape_output(_theme_text))
    yield '#components">Semua komponen</a></p>\n<h1>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
    yield '</h1>\n<p class="now">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_0_status_label is missing else l_0_status_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'description', missing)) is not missing else environment.getattr(_theme_object, 'description')):
        pass
        yield '<p>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'description', missing)) is not missing else environment.getattr(_theme_object, 'description'))) is str else escape_output(_theme_text))
        yield '</p>'
    if (not t_5((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))):
        pass
        yield '<p>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Target: uptime %(sla)s%% setiap bulan') % {'sla': t_4((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))})) is str else escape_output(_theme_text))
        yield '</p>'
    template = environment.get_template('component_uptime.html', 'component.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<section aria-labelledby="incidents">\n<h2 id="incidents">Insiden</h2>\n<ul class="list">\n'
    t_6 = 1
    for l_1_inc in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')):
        l_1_root = resolve('root')
        l_1_impact_label = resolve('impact_label')
        l_1_incident_status = resolve('incident_status')
        _loop_vars = {}
        pass
        yield '  <li><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_1_root is missing else l_1_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a> <span class="meta">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_1_impact_label is missing else l_1_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield ' '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_1_incident_status is missing else l_1_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield ' <time datetime="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')), 'medium')) is str else escape_output(_theme_text))
        yield '</time> · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := ((Markup('berlangsung %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))}) if (not (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'is_open', missing)) is not missing else environment.getattr(_theme_object, 'is_open'))) else (Markup('terbuka selama %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))}))) is str else escape_output(_theme_text))
        yield '</span></li>\n'
        t_6 = 0
    l_1_inc = l_1_root = l_1_impact_label = l_1_incident_status = missing
    if t_6:
        pass
        yield '  <li>Tidak ada insiden yang dilaporkan.</li>\n'
    yield '</ul>\n</section>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'maintenances', missing)) is not missing else environment.getattr(_theme_object, 'maintenances')):
        pass
        yield '<section aria-labelledby="maintenance">\n<h2 id="maintenance">Pemeliharaan</h2>\n<ul class="list">\n'
        for l_1_m in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'maintenances', missing)) is not missing else environment.getattr(_theme_object, 'maintenances')):
            l_1_root = resolve('root')
            l_1_incident_status = resolve('incident_status')
            l_1_window = resolve('window')
            _loop_vars = {}
            pass
            yield '  <li><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_1_root is missing else l_1_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a> <span class="meta">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_1_incident_status is missing else l_1_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield ' '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='window') if l_1_window is missing else l_1_window), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'scheduled_start', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_start')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'scheduled_end', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_end')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</span></li>\n'
        l_1_m = l_1_root = l_1_incident_status = l_1_window = missing
        yield '</ul>\n</section>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=14&2=17&3=34&4=48&5=90&6=97&7=99&8=101&9=106&10=111&14=119&15=126&21=147&25=150&26=157'