from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'maintenance.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_item = resolve('item')
    l_0_incident_status = l_0_window = l_0_details = l_0_update_entry = l_0_component_links = l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'maintenance.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('macros.html', 'maintenance.html')._get_default_module(context)
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'maintenance.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_window = getattr(included_template, 'window', missing)
    if l_0_window is missing:
        l_0_window = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'maintenance.html') does not export the requested name 'window'", name='window')
    l_0_details = getattr(included_template, 'details', missing)
    if l_0_details is missing:
        l_0_details = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'maintenance.html') does not export the requested name 'details'", name='details')
    l_0_update_entry = getattr(included_template, 'update_entry', missing)
    if l_0_update_entry is missing:
        l_0_update_entry = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'maintenance.html') does not export the requested name 'update_entry'", name='update_entry')
    l_0_component_links = getattr(included_template, 'component_links', missing)
    if l_0_component_links is missing:
        l_0_component_links = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'maintenance.html') does not export the requested name 'component_links'", name='component_links')
    context.vars.update({'incident_status': l_0_incident_status, 'window': l_0_window, 'details': l_0_details, 'update_entry': l_0_update_entry, 'component_links': l_0_component_links})
    context.exported_vars.difference_update(('incident_status', 'window', 'details', 'update_entry', 'component_links'))
    l_0_m = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))
    context.vars['m'] = l_0_m
    context.exported_vars.add('m')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    l_0_config = resolve('config')
    pass
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    l_0_history = resolve('history')
    l_0_m = resolve('m')
    l_0_incident_status = resolve('incident_status')
    l_0_item = resolve('item')
    l_0_window = resolve('window')
    l_0_component_links = resolve('component_links')
    l_0_state = resolve('state')
    l_0_details = resolve('details')
    l_0_published = missing
    try:
        t_1 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_2 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<article class="maintenance h-entry">\n  <p class="meta"><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='history') if l_0_history is missing else l_0_history)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '">Pemeliharaan terjadwal</a></p>\n  <h1 class="p-name">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '</h1>\n  <p class="tags">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_0_incident_status is missing else l_0_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</p>\n  <dl class="facts">\n    <dt>Jadwal</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='window') if l_0_window is missing else l_0_window), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'scheduled_start', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_start')), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'scheduled_end', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_end')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</dd>\n    <dt>Durasi</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_1(((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'scheduled_end', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_end')) - (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'scheduled_start', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_start'))))) is str else escape_output(_theme_text))
    yield '</dd>\n    <dt>Komponen</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='component_links') if l_0_component_links is missing else l_0_component_links), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</dd>\n  </dl>\n  <div class="summary p-summary">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'summary', missing)) is not missing else environment.getattr(_theme_object, 'summary'))), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html')))) is str else escape_output(_theme_text))
    yield '</div>\n  '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='details') if l_0_details is missing else l_0_details), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'summary', missing)) is not missing else environment.getattr(_theme_object, 'summary'))), 'technical_html', missing)) is not missing else environment.getattr(_theme_object, 'technical_html')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '\n'
    l_0_published = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_0_m is missing else l_0_m)), 'updates', missing)) is not missing else environment.getattr(_theme_object, 'updates'))
    _block_vars['published'] = l_0_published
    if (undefined(name='published') if l_0_published is missing else l_0_published):
        pass
        yield '  <section aria-labelledby="timeline">\n    <h2 id="timeline">Pembaruan</h2>\n    <p class="note">Yang terbaru lebih dulu.</p>\n    <div class="timeline">'
        for l_1_update in t_2((undefined(name='published') if l_0_published is missing else l_0_published)):
            l_1_update_entry = resolve('update_entry')
            _loop_vars = {}
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='update_entry') if l_1_update_entry is missing else l_1_update_entry), l_1_update, (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_update = l_1_update_entry = missing
        yield '</div>\n  </section>\n'
    yield '</article>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=15&2=18&3=36&4=41&5=55&7=92&8=95&9=97&11=99&12=101&13=103&15=105&16=107&17=109&18=111&22=114'