from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'index.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_headline = l_0_icons = l_0_status_label = l_0_incident_status = l_0_impact_label = l_0_byline = l_0_when = l_0_window = l_0_day_row = l_0_overall_parts = l_0_component_links = missing
    pass
    parent_template = environment.get_template('base.html', 'index.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('words.html', 'index.html')._get_default_module(context)
    l_0_headline = getattr(included_template, 'headline', missing)
    if l_0_headline is missing:
        l_0_headline = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'index.html') does not export the requested name 'headline'", name='headline')
    context.vars['headline'] = l_0_headline
    context.exported_vars.discard('headline')
    included_template = environment.get_template('macros.html', 'index.html')._get_default_module(context)
    l_0_icons = getattr(included_template, 'icons', missing)
    if l_0_icons is missing:
        l_0_icons = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'icons'", name='icons')
    l_0_status_label = getattr(included_template, 'status_label', missing)
    if l_0_status_label is missing:
        l_0_status_label = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'status_label'", name='status_label')
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_impact_label = getattr(included_template, 'impact_label', missing)
    if l_0_impact_label is missing:
        l_0_impact_label = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'impact_label'", name='impact_label')
    l_0_byline = getattr(included_template, 'byline', missing)
    if l_0_byline is missing:
        l_0_byline = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'byline'", name='byline')
    l_0_when = getattr(included_template, 'when', missing)
    if l_0_when is missing:
        l_0_when = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'when'", name='when')
    l_0_window = getattr(included_template, 'window', missing)
    if l_0_window is missing:
        l_0_window = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'window'", name='window')
    l_0_day_row = getattr(included_template, 'day_row', missing)
    if l_0_day_row is missing:
        l_0_day_row = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'day_row'", name='day_row')
    l_0_overall_parts = getattr(included_template, 'overall_parts', missing)
    if l_0_overall_parts is missing:
        l_0_overall_parts = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'overall_parts'", name='overall_parts')
    l_0_component_links = getattr(included_template, 'component_links', missing)
    if l_0_component_links is missing:
        l_0_component_links = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'component_links'", name='component_links')
    context.vars.update({'icons': l_0_icons, 'status_label': l_0_status_label, 'incident_status': l_0_incident_status, 'impact_label': l_0_impact_label, 'byline': l_0_byline, 'when': l_0_when, 'window': l_0_window, 'day_row': l_0_day_row, 'overall_parts': l_0_overall_parts, 'component_links': l_0_component_links})
    context.exported_vars.difference_update(('icons', 'status_label', 'incident_status', 'impact_label', 'byline', 'when', 'window', 'day_row', 'overall_parts', 'component_links'))
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_state = resolve('state')
    l_0_icons = resolve('icons')
    l_0_headline = resolve('headline')
    l_0_overall_parts = resolve('overall_parts')
    l_0_root = resolve('root')
    l_0_ngettext = resolve('ngettext')
    l_0_history = resolve('history')
    l_0_overall = l_0_planned = l_0_recent = missing
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
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_5 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_6 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_7 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_8 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_9 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_overall = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'overall', missing)) is not missing else environment.getattr(_theme_object, 'overall'))
    _block_vars['overall'] = l_0_overall
    yield '<section class="overall o-'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'indicator', missing)) is not missing else environment.getattr(_theme_object, 'indicator'))) is str else escape_output(_theme_text))
    yield '" aria-labelledby="overall">\n  <h1 id="overall"><span class="icon" aria-hidden="true">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (environment.getitem((undefined(name='icons') if l_0_icons is missing else l_0_icons), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key'))) if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')) else ('✓' if (not (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents'))) else '!'))) is str else escape_output(_theme_text))
    yield '</span> '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='headline') if l_0_headline is missing else l_0_headline), (undefined(name='overall') if l_0_overall is missing else l_0_overall), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</h1>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='overall') if l_0_overall is missing else l_0_overall)), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')):
        pass
        yield '<ul>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='overall_parts') if l_0_overall_parts is missing else l_0_overall_parts), (undefined(name='overall') if l_0_overall is missing else l_0_overall), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '</ul>'
    yield '  <p class="meta">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('As of %(time)s') % {'time': t_6((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'now', missing)) is not missing else environment.getattr(_theme_object, 'now')))})) is str else escape_output(_theme_text))
    yield ' · <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'subscribe/">Subscribe to updates</a></p>\n</section>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')):
        pass
        yield '<section aria-labelledby="open">\n  <h2 id="open">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Open incident', 'Open incidents', t_3((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents'))), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '</h2>\n'
        for l_1_item in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')):
            l_1_impact_label = resolve('impact_label')
            l_1_incident_status = resolve('incident_status')
            l_1_when = resolve('when')
            l_1_byline = resolve('byline')
            _loop_vars = {}
            pass
            yield '  <article class="card open">\n    <h3><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a></h3>\n    <p class="tags">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_1_impact_label is missing else l_1_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield ' '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_1_incident_status is missing else l_1_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield ' <span>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Started %(time)s') % {'time': t_6((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')))})) is str else escape_output(_theme_text))
            yield '</span></p>\n'
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'eta', missing)) is not missing else environment.getattr(_theme_object, 'eta')):
                pass
                yield '<p class="eta'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (' overdue' if (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'eta_overdue', missing)) is not missing else environment.getattr(_theme_object, 'eta_overdue')) else cond_expr_undefined("the inline if-expression on line 18 in 'index.html' evaluated to false and no else section was defined."))) is str else escape_output(_theme_text))
                yield '"><strong>'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Next update was due by') if (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'eta_overdue', missing)) is not missing else environment.getattr(_theme_object, 'eta_overdue')) else Markup('Next update by'))) is str else escape_output(_theme_text))
                yield '</strong> '
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_1_when is missing else l_1_when), (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'eta', missing)) is not missing else environment.getattr(_theme_object, 'eta')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield '</p>'
            yield '    <p class="latest">Latest update: '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_1_incident_status is missing else l_1_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'latest', missing)) is not missing else environment.getattr(_theme_object, 'latest'))), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield ' '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_1_when is missing else l_1_when), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'latest', missing)) is not missing else environment.getattr(_theme_object, 'latest'))), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</p>\n    <div class="body">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_8((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'latest', missing)) is not missing else environment.getattr(_theme_object, 'latest'))), 'body', missing)) is not missing else environment.getattr(_theme_object, 'body'))), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html')))) is str else escape_output(_theme_text))
            yield '</div>\n    '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='byline') if l_1_byline is missing else l_1_byline), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'latest', missing)) is not missing else environment.getattr(_theme_object, 'latest'))), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author')), (undefined(name='root') if l_0_root is missing else l_0_root), (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'latest', missing)) is not missing else environment.getattr(_theme_object, 'latest')), (undefined(name='state') if l_0_state is missing else l_0_state), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '\n    <p><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">Read the full timeline<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</span></a></p>\n  </article>\n'
        l_1_item = l_1_impact_label = l_1_incident_status = l_1_when = l_1_byline = missing
        yield '</section>\n'
    l_0_planned = ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'active_maintenances', missing)) is not missing else environment.getattr(_theme_object, 'active_maintenances')) + (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'upcoming_maintenances', missing)) is not missing else environment.getattr(_theme_object, 'upcoming_maintenances')))
    _block_vars['planned'] = l_0_planned
    if (undefined(name='planned') if l_0_planned is missing else l_0_planned):
        pass
        yield '<section aria-labelledby="maintenance">\n  <h2 id="maintenance">Planned maintenance</h2>\n'
        for l_1_m in (undefined(name='planned') if l_0_planned is missing else l_0_planned):
            l_1_incident_status = resolve('incident_status')
            l_1_window = resolve('window')
            l_1_component_links = resolve('component_links')
            _loop_vars = {}
            pass
            yield '  <article class="card maint">\n    <h3><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a></h3>\n    <p class="tags">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_1_incident_status is missing else l_1_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</p>\n    <p>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='window') if l_1_window is missing else l_1_window), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'scheduled_start', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_start')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'scheduled_end', missing)) is not missing else environment.getattr(_theme_object, 'scheduled_end')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</p>\n'
            if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')):
                pass
                yield '<p>Affects: '
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='component_links') if l_1_component_links is missing else l_1_component_links), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_m), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield '</p>'
            yield '  </article>\n'
        l_1_m = l_1_incident_status = l_1_window = l_1_component_links = missing
        yield '</section>\n'
    yield '<section aria-labelledby="components">\n  <h2 id="components">Components</h2>\n'
    for l_1_group in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'groups', missing)) is not missing else environment.getattr(_theme_object, 'groups')):
        _loop_vars = {}
        pass
        yield '  <div class="group">\n'
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')):
            pass
            yield '<h3>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</h3>'
        yield '    <ul class="components">\n'
        for l_2_c in (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'members', missing)) is not missing else environment.getattr(_theme_object, 'members')):
            l_2_status_label = resolve('status_label')
            l_2_day_row = resolve('day_row')
            _loop_vars = {}
            pass
            yield '      <li><div class="row"><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</a> '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_2_status_label is missing else l_2_status_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</div>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='day_row') if l_2_day_row is missing else l_2_day_row), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), (undefined(name='state') if l_0_state is missing else l_0_state), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</li>\n'
        l_2_c = l_2_status_label = l_2_day_row = missing
        yield '    </ul>\n  </div>\n'
    l_1_group = missing
    if t_9((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))):
        pass
        yield '<p class="legend">Each bar is one day. A taller bar is a day with an outage, degraded performance or maintenance; point at a bar to read it.</p>'
    yield '</section>\n'
    l_0_recent = t_4(context.eval_ctx, t_7(context, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')), 'is_open'))
    _block_vars['recent'] = l_0_recent
    yield '<section aria-labelledby="recent">\n  <h2 id="recent">Recent incidents</h2>\n  <ul class="list">\n'
    t_10 = 1
    for l_1_item in (undefined(name='recent') if l_0_recent is missing else l_0_recent)[:5]:
        l_1_impact_label = resolve('impact_label')
        _loop_vars = {}
        pass
        yield '    <li><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a> <span class="meta">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_1_impact_label is missing else l_1_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield ' <time datetime="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_5((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')), 'medium')) is str else escape_output(_theme_text))
        yield '</time> · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('lasted %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))})) is str else escape_output(_theme_text))
        if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'postmortem', missing)) is not missing else environment.getattr(_theme_object, 'postmortem')):
            pass
            yield ' · <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '#postmortem">Postmortem<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</span></a>'
        yield '</span></li>\n'
        t_10 = 0
    l_1_item = l_1_impact_label = missing
    if t_10:
        pass
        yield '    <li>No incidents reported.</li>\n'
    yield '  </ul>\n  <p><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='history') if l_0_history is missing else l_0_history)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '">All incidents and maintenance</a></p>\n</section>\n'

blocks = {'main': block_main}
debug_info = '1=14&2=17&3=23&4=58&5=128&6=131&7=133&8=137&9=143&11=147&13=150&14=152&16=160&17=164&18=170&19=180&20=184&21=186&22=188&27=194&28=196&31=199&33=206&34=210&35=212&36=214&43=223&45=227&47=233&48=239&53=250&55=254&59=258&60=263&65=288'