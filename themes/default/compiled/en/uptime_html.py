from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'uptime.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_impact_label = l_0_pct = l_0_mins = l_0_span = l_0_component_uptime = missing
    pass
    parent_template = environment.get_template('base.html', 'uptime.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('macros.html', 'uptime.html')._get_default_module(context)
    l_0_impact_label = getattr(included_template, 'impact_label', missing)
    if l_0_impact_label is missing:
        l_0_impact_label = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'uptime.html') does not export the requested name 'impact_label'", name='impact_label')
    context.vars['impact_label'] = l_0_impact_label
    context.exported_vars.discard('impact_label')
    included_template = environment.get_template('uptime_macros.html', 'uptime.html')._get_default_module(context)
    l_0_pct = getattr(included_template, 'pct', missing)
    if l_0_pct is missing:
        l_0_pct = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'uptime.html') does not export the requested name 'pct'", name='pct')
    l_0_mins = getattr(included_template, 'mins', missing)
    if l_0_mins is missing:
        l_0_mins = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'uptime.html') does not export the requested name 'mins'", name='mins')
    l_0_span = getattr(included_template, 'span', missing)
    if l_0_span is missing:
        l_0_span = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'uptime.html') does not export the requested name 'span'", name='span')
    l_0_component_uptime = getattr(included_template, 'component_uptime', missing)
    if l_0_component_uptime is missing:
        l_0_component_uptime = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'uptime.html') does not export the requested name 'component_uptime'", name='component_uptime')
    context.vars.update({'pct': l_0_pct, 'mins': l_0_mins, 'span': l_0_span, 'component_uptime': l_0_component_uptime})
    context.exported_vars.difference_update(('pct', 'mins', 'span', 'component_uptime'))
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    pass
    yield 'Uptime · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    pass
    yield '<link rel="stylesheet" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'static/uptime.css">\n<link rel="alternate" type="application/json" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/uptime.json" title="Uptime figures (JSON)">'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_report = resolve('report')
    l_0_timezone_name = resolve('timezone_name')
    l_0_root = resolve('root')
    l_0_csv_path = resolve('csv_path')
    l_0_month_reports = resolve('month_reports')
    l_0_windows = resolve('windows')
    l_0_components = resolve('components')
    l_0_config = resolve('config')
    l_0_chart = l_0_handling_head = l_0_handling_row = l_0_promise_row = missing
    try:
        t_1 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_2 = environment.filters['figure']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'figure' found.")
    try:
        t_3 = environment.filters['iso']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'iso' found.")
    try:
        t_4 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_7 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_8 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_9 = environment.filters['percent']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'percent' found.")
    try:
        t_10 = environment.filters['resolve_chart']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'resolve_chart' found.")
    try:
        t_11 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    try:
        t_12 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    try:
        t_13 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    try:
        t_14 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<h1>Uptime</h1>\n<p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('What we delivered against what we promised, for each component, and how we handled incidents. Every figure comes from the incidents and maintenance published on this site, up to %(time)s; days and months are in the %(zone)s timezone.') % {'time': t_13((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'now', missing)) is not missing else environment.getattr(_theme_object, 'now'))), 'zone': (undefined(name='timezone_name') if l_0_timezone_name is missing else l_0_timezone_name)})) is str else escape_output(_theme_text))
    yield '</p>\n<p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('A minute of major outage counts as a minute of downtime; a minute of partial outage counts as %(partial)s, degraded performance as %(degraded)s and planned maintenance as %(maintenance)s. Overlapping incidents count once, at the worst status.') % {'partial': markup_join((t_2(t_12(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'partial_outage', missing)) is not missing else environment.getattr(_theme_object, 'partial_outage')) * 100), 1)), ' %', )), 'degraded': markup_join((t_2(t_12(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'degraded_performance', missing)) is not missing else environment.getattr(_theme_object, 'degraded_performance')) * 100), 1)), ' %', )), 'maintenance': markup_join((t_2(t_12(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'under_maintenance', missing)) is not missing else environment.getattr(_theme_object, 'under_maintenance')) * 100), 1)), ' %', ))})) is str else escape_output(_theme_text))
    yield '\n<a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/uptime.json">The same figures as JSON.</a></p>\n<p id="reports">For customers and auditors: every component\'s month against its target <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='csv_path') if l_0_csv_path is missing else l_0_csv_path)) is str else escape_output(_theme_text))
    yield '">as CSV</a>'
    if (undefined(name='month_reports') if l_0_month_reports is missing else l_0_month_reports):
        pass
        yield ', and a report per month that prints on A4:'
    yield '</p>\n'
    if (undefined(name='month_reports') if l_0_month_reports is missing else l_0_month_reports):
        pass
        yield '<ul class="report-months">'
        for l_1_item in (undefined(name='month_reports') if l_0_month_reports is missing else l_0_month_reports):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_6((_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy')) is str else escape_output(_theme_text))
            yield '</a>'
            if (not (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'complete', missing)) is not missing else environment.getattr(_theme_object, 'complete'))):
                pass
                yield ' <span class="utc">(to date)</span>'
            yield '</li>'
        l_1_item = missing
        yield '</ul>'
    yield '\n<h2 id="summary">Uptime by component</h2>\n<div class="table-scroll" role="region" aria-labelledby="summary" tabindex="0">\n<table class="figures">\n  <thead><tr><th scope="col">Component</th><th scope="col" class="num">Target</th>'
    for l_1_days in (undefined(name='windows') if l_0_windows is missing else l_0_windows):
        _loop_vars = {}
        pass
        yield '<th scope="col" class="num">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(days)s days') % {'days': l_1_days})) is str else escape_output(_theme_text))
        yield '</th>'
    l_1_days = missing
    yield '<th scope="col">Months below target</th></tr></thead>\n  <tbody>\n'
    for l_1_cu in (undefined(name='components') if l_0_components is missing else l_0_components):
        l_1_key = missing
        _loop_vars = {}
        pass
        l_1_key = markup_join(('components.', (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), ))
        _loop_vars['key'] = l_1_key
        yield '    <tr>\n      <th scope="row"><a href="#component-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield '</a></th>\n      <td class="num">'
        if (not t_14((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))):
            pass
            yield '<data value="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla'))) is str else escape_output(_theme_text))
            yield '" data-json="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='key') if l_1_key is missing else l_1_key)) is str else escape_output(_theme_text))
            yield '.sla_percent">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_9((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))) is str else escape_output(_theme_text))
            yield '</data>'
        else:
            pass
            yield '–'
        yield '</td>\n'
        for (l_2_days, l_2_figures) in (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'windows', missing)) is not missing else environment.getattr(_theme_object, 'windows')):
            l_2_pct = resolve('pct')
            _loop_vars = {}
            pass
            yield '<td class="num">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='pct') if l_2_pct is missing else l_2_pct), (_theme_value if (_theme_value := getattr((_theme_object := l_2_figures), 'percent', missing)) is not missing else environment.getattr(_theme_object, 'percent')), markup_join(((undefined(name='key') if l_1_key is missing else l_1_key), '.windows.', l_2_days, '.uptime_percent', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</td>'
        l_2_days = l_2_figures = l_2_pct = missing
        yield '      <td>'
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'breaches', missing)) is not missing else environment.getattr(_theme_object, 'breaches')):
            pass
            yield '<span class="breach"><span aria-hidden="true">✖</span> '
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_4(context.eval_ctx, t_8(context, t_8(context, (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'breaches', missing)) is not missing else environment.getattr(_theme_object, 'breaches')), attribute='month'), 'local_date', 'MMM yyyy'), ', ')) is str else escape_output(_theme_text))
            yield '</span>'
        elif t_14((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla'))):
            pass
            yield 'no target'
        else:
            pass
            yield '<span class="met"><span aria-hidden="true">✔</span> none</span>'
        yield '</td>\n    </tr>\n'
    l_1_cu = l_1_key = missing
    yield '  </tbody>\n</table>\n</div>\n\n'
    for l_1_cu in (undefined(name='components') if l_0_components is missing else l_0_components):
        l_1_component_uptime = resolve('component_uptime')
        _loop_vars = {}
        pass
        yield '<section id="component-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id'))) is str else escape_output(_theme_text))
        yield '" aria-labelledby="component-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id'))) is str else escape_output(_theme_text))
        yield '-heading">\n<h2 id="component-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id'))) is str else escape_output(_theme_text))
        yield '-heading"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield '</a></h2>\n'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='component_uptime') if l_1_component_uptime is missing else l_1_component_uptime), l_1_cu, 3, _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '\n</section>\n'
    l_1_cu = l_1_component_uptime = missing
    yield '\n<h2 id="handling">How we handle incidents</h2>\n<p>By the quarter in which each incident started. Time to resolve runs from when customers were first affected to the update that resolved it; time to first update, from then to our first public update.</p>\n'
    l_0_chart = t_10((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'quarters', missing)) is not missing else environment.getattr(_theme_object, 'quarters')))
    _block_vars['chart'] = l_0_chart
    yield '<svg class="chart" role="img" aria-labelledby="mttr-title" viewBox="0 0 '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'width', missing)) is not missing else environment.getattr(_theme_object, 'width'))) is str else escape_output(_theme_text))
    yield ' '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height'))) is str else escape_output(_theme_text))
    yield '" xmlns="http://www.w3.org/2000/svg">\n  <title id="mttr-title">Mean time to resolve, in hours, per quarter; the table below gives the figures.</title>\n'
    for (l_1_y, l_1_value) in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'ticks', missing)) is not missing else environment.getattr(_theme_object, 'ticks')):
        _loop_vars = {}
        pass
        yield '  <line class="grid" x1="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'plot_left', missing)) is not missing else environment.getattr(_theme_object, 'plot_left'))) is str else escape_output(_theme_text))
        yield '" x2="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'plot_right', missing)) is not missing else environment.getattr(_theme_object, 'plot_right'))) is str else escape_output(_theme_text))
        yield '" y1="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := l_1_y) is str else escape_output(_theme_text))
        yield '" y2="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := l_1_y) is str else escape_output(_theme_text))
        yield '"/>\n  <text x="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'plot_left', missing)) is not missing else environment.getattr(_theme_object, 'plot_left')) - 6)) is str else escape_output(_theme_text))
        yield '" y="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (l_1_y + 4)) is str else escape_output(_theme_text))
        yield '" text-anchor="end">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(n)s h') % {'n': t_2(l_1_value)})) is str else escape_output(_theme_text))
        yield '</text>\n'
    l_1_y = l_1_value = missing
    for l_1_bar in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'bars', missing)) is not missing else environment.getattr(_theme_object, 'bars')):
        _loop_vars = {}
        pass
        if (not t_14((_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'value', missing)) is not missing else environment.getattr(_theme_object, 'value')))):
            pass
            yield '<rect class="bar plain" x="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'x', missing)) is not missing else environment.getattr(_theme_object, 'x'))) is str else escape_output(_theme_text))
            yield '" y="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'y', missing)) is not missing else environment.getattr(_theme_object, 'y'))) is str else escape_output(_theme_text))
            yield '" width="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'width', missing)) is not missing else environment.getattr(_theme_object, 'width'))) is str else escape_output(_theme_text))
            yield '" height="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height'))) is str else escape_output(_theme_text))
            yield '"/>'
        yield '  <text x="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'label_x', missing)) is not missing else environment.getattr(_theme_object, 'label_x'))) is str else escape_output(_theme_text))
        yield '" y="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_0_chart is missing else l_0_chart)), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height')) - 12)) is str else escape_output(_theme_text))
        yield '" text-anchor="middle">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_bar), 'period', missing)) is not missing else environment.getattr(_theme_object, 'period'))) is str else escape_output(_theme_text))
        yield '</text>\n'
    l_1_bar = missing
    yield '</svg>\n'
    def macro(l_1_first):
        t_15 = []
        if l_1_first is missing:
            l_1_first = undefined("parameter 'first' was not provided", name='first')
        pass
        t_15.extend((
            '<thead><tr><th scope="col">',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_first) is str else escape_output(_theme_text)),
            '</th><th scope="col">Incidents</th><th scope="col" class="num">Mean time to resolve</th><th scope="col" class="num">Median time to resolve</th><th scope="col" class="num">Median time to first update</th><th scope="col" class="num">90th percentile time to first update</th><th scope="col">Postmortems of major and critical incidents</th></tr></thead>',
        ))
        return concat(t_15)
    l_0_handling_head = Macro(environment, macro, 'handling_head', ('first',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_q, l_1_key, l_1_label):
        t_16 = []
        l_1_span = resolve('span')
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        pass
        t_16.extend((
            '<tr>\n      <th scope="row">',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_label) is str else escape_output(_theme_text)),
            '</th>\n      <td><data value="',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents'))) is str else escape_output(_theme_text)),
            '" data-json="',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '.incidents">',
            (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')))) is str else escape_output(_theme_text)),
            '</data>',
        ))
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'open', missing)) is not missing else environment.getattr(_theme_object, 'open')):
            pass
            t_16.extend((
                ' (',
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(n)s still open') % {'n': t_2((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'open', missing)) is not missing else environment.getattr(_theme_object, 'open')))})) is str else escape_output(_theme_text)),
                ')',
            ))
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')):
            pass
            t_16.append(
                '<ul class="impacts">',
            )
            def t_17(fiter):
                for (l_2_impact, l_2_count) in fiter:
                    if l_2_count:
                        yield (l_2_impact, l_2_count)
            for (l_2_impact, l_2_count) in t_17((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'by_impact', missing)) is not missing else environment.getattr(_theme_object, 'by_impact'))):
                l_2_impact_label = resolve('impact_label')
                _loop_vars = {}
                pass
                t_16.extend((
                    '<li><data value="',
                    (fast_escape_text(_theme_text) if type(_theme_text := l_2_count) is str else escape_output(_theme_text)),
                    '" data-json="',
                    (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                    '.by_impact.',
                    (fast_escape_text(_theme_text) if type(_theme_text := l_2_impact) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := t_2(l_2_count)) is str else escape_output(_theme_text)),
                    '</data> × ',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_2_impact_label is missing else l_2_impact_label), l_2_impact, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                    '</li>',
                ))
            l_2_impact = l_2_count = l_2_impact_label = missing
            t_16.append(
                '</ul>',
            )
        t_16.extend((
            '</td>\n      <td class="num">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='span') if l_1_span is missing else l_1_span), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'mean_time_to_resolve', missing)) is not missing else environment.getattr(_theme_object, 'mean_time_to_resolve')), markup_join((l_1_key, '.mean_time_to_resolve_seconds', )))) is str else escape_output(_theme_text)),
            '</td>\n      <td class="num">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='span') if l_1_span is missing else l_1_span), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'median_time_to_resolve', missing)) is not missing else environment.getattr(_theme_object, 'median_time_to_resolve')), markup_join((l_1_key, '.median_time_to_resolve_seconds', )))) is str else escape_output(_theme_text)),
            '</td>\n      <td class="num">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='span') if l_1_span is missing else l_1_span), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'median_first_update', missing)) is not missing else environment.getattr(_theme_object, 'median_first_update')), markup_join((l_1_key, '.median_time_to_first_update_seconds', )))) is str else escape_output(_theme_text)),
            '</td>\n      <td class="num">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='span') if l_1_span is missing else l_1_span), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'p90_first_update', missing)) is not missing else environment.getattr(_theme_object, 'p90_first_update')), markup_join((l_1_key, '.p90_time_to_first_update_seconds', )))) is str else escape_output(_theme_text)),
            '</td>\n      <td>',
        ))
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'serious', missing)) is not missing else environment.getattr(_theme_object, 'serious')):
            pass
            t_16.extend((
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(done)s of %(total)s') % {'done': (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'with_postmortem', missing)) is not missing else environment.getattr(_theme_object, 'with_postmortem')), 'total': (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'serious', missing)) is not missing else environment.getattr(_theme_object, 'serious'))})) is str else escape_output(_theme_text)),
                ' (<data value="',
                (fast_escape_text(_theme_text) if type(_theme_text := t_12((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'postmortem_coverage', missing)) is not missing else environment.getattr(_theme_object, 'postmortem_coverage')), 1)) is str else escape_output(_theme_text)),
                '" data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                '.postmortem_coverage_percent">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_2(t_12((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'postmortem_coverage', missing)) is not missing else environment.getattr(_theme_object, 'postmortem_coverage')), 1))) is str else escape_output(_theme_text)),
                '&nbsp;%</data>)',
            ))
        else:
            pass
            t_16.append(
                'none needed',
            )
        t_16.append(
            '</td>\n    </tr>',
        )
        return concat(t_16)
    l_0_handling_row = Macro(environment, macro, 'handling_row', ('q', 'key', 'label'), False, False, False, context.eval_ctx.autoescape)
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'all_time', missing)) is not missing else environment.getattr(_theme_object, 'all_time')):
        pass
        yield '<div class="table-scroll" role="region" aria-labelledby="handling-years" tabindex="0">\n<table class="figures">\n  <caption id="handling-years">All time and by year</caption>\n  '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='handling_head') if l_0_handling_head is missing else l_0_handling_head), Markup('Period'), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '\n  <tbody>\n  '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='handling_row') if l_0_handling_row is missing else l_0_handling_row), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'all_time', missing)) is not missing else environment.getattr(_theme_object, 'all_time')), 'all_time', Markup('All time'), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '\n'
        l_1_loop = missing
        for l_1_y, l_1_loop in LoopContext(t_11((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'years', missing)) is not missing else environment.getattr(_theme_object, 'years'))), undefined):
            _loop_vars = {}
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='handling_row') if l_0_handling_row is missing else l_0_handling_row), l_1_y, markup_join(('years.', (t_5((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'years', missing)) is not missing else environment.getattr(_theme_object, 'years'))) - (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index'))), )), (_theme_value if (_theme_value := getattr((_theme_object := l_1_y), 'year', missing)) is not missing else environment.getattr(_theme_object, 'year')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_loop = l_1_y = missing
        yield '  </tbody>\n</table>\n</div>\n'
    yield '<div class="table-scroll" role="region" aria-labelledby="handling-quarters" tabindex="0">\n<table class="figures">\n  <caption id="handling-quarters">Incidents per quarter</caption>\n  '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='handling_head') if l_0_handling_head is missing else l_0_handling_head), Markup('Quarter'), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '\n  <tbody>\n'
    l_1_loop = missing
    for l_1_q, l_1_loop in LoopContext(t_11((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'quarters', missing)) is not missing else environment.getattr(_theme_object, 'quarters'))), undefined):
        _loop_vars = {}
        pass
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='handling_row') if l_0_handling_row is missing else l_0_handling_row), l_1_q, markup_join(('quarters.', (t_5((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'quarters', missing)) is not missing else environment.getattr(_theme_object, 'quarters'))) - (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index'))), )), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'label', missing)) is not missing else environment.getattr(_theme_object, 'label')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
    l_1_loop = l_1_q = missing
    yield '  </tbody>\n</table>\n</div>\n\n<h2 id="late">Promised updates</h2>\n<p>Every update of an open incident says when the next one will come. How often the next one came by then, and how late it was when it did not:</p>\n'
    def macro(l_1_q, l_1_key, l_1_label):
        t_18 = []
        l_1_span = resolve('span')
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        pass
        t_18.extend((
            '<tr><th scope="row">',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_label) is str else escape_output(_theme_text)),
            '</th><td class="num"><data value="',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'promises_on_time', missing)) is not missing else environment.getattr(_theme_object, 'promises_on_time'))) is str else escape_output(_theme_text)),
            '" data-json="',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '.promises_on_time">',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(done)s of %(total)s') % {'done': t_2((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'promises_on_time', missing)) is not missing else environment.getattr(_theme_object, 'promises_on_time'))), 'total': t_2((_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'promises_due', missing)) is not missing else environment.getattr(_theme_object, 'promises_due')))})) is str else escape_output(_theme_text)),
            '</data></td><td class="num">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='span') if l_1_span is missing else l_1_span), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'median_lateness', missing)) is not missing else environment.getattr(_theme_object, 'median_lateness')), markup_join((l_1_key, '.median_promise_lateness_seconds', )))) is str else escape_output(_theme_text)),
            '</td></tr>',
        ))
        return concat(t_18)
    l_0_promise_row = Macro(environment, macro, 'promise_row', ('q', 'key', 'label'), False, False, False, context.eval_ctx.autoescape)
    if ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'all_time', missing)) is not missing else environment.getattr(_theme_object, 'all_time')) and (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'all_time', missing)) is not missing else environment.getattr(_theme_object, 'all_time'))), 'promises_due', missing)) is not missing else environment.getattr(_theme_object, 'promises_due'))):
        pass
        yield '<div class="table-scroll" role="region" aria-labelledby="promises" tabindex="0">\n<table class="figures">\n  <caption id="promises">Promised updates delivered on time</caption>\n  <thead><tr><th scope="col">Period</th><th scope="col" class="num">On time</th><th scope="col" class="num">Median lateness</th></tr></thead>\n  <tbody>\n  '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='promise_row') if l_0_promise_row is missing else l_0_promise_row), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'all_time', missing)) is not missing else environment.getattr(_theme_object, 'all_time')), 'all_time', Markup('All time'), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '\n'
        l_1_loop = missing
        for l_1_y, l_1_loop in LoopContext(t_11((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'years', missing)) is not missing else environment.getattr(_theme_object, 'years'))), undefined):
            _loop_vars = {}
            pass
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_y), 'promises_due', missing)) is not missing else environment.getattr(_theme_object, 'promises_due')):
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='promise_row') if l_0_promise_row is missing else l_0_promise_row), l_1_y, markup_join(('years.', (t_5((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'years', missing)) is not missing else environment.getattr(_theme_object, 'years'))) - (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index'))), )), (_theme_value if (_theme_value := getattr((_theme_object := l_1_y), 'year', missing)) is not missing else environment.getattr(_theme_object, 'year')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_loop = l_1_y = missing
        l_1_loop = missing
        for l_1_q, l_1_loop in LoopContext(t_11((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'quarters', missing)) is not missing else environment.getattr(_theme_object, 'quarters'))), undefined):
            _loop_vars = {}
            pass
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'promises_due', missing)) is not missing else environment.getattr(_theme_object, 'promises_due')):
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='promise_row') if l_0_promise_row is missing else l_0_promise_row), l_1_q, markup_join(('quarters.', (t_5((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'quarters', missing)) is not missing else environment.getattr(_theme_object, 'quarters'))) - (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index'))), )), (_theme_value if (_theme_value := getattr((_theme_object := l_1_q), 'label', missing)) is not missing else environment.getattr(_theme_object, 'label')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_loop = l_1_q = missing
        yield '  </tbody>\n</table>\n</div>\n'
    yield '<h3>Late updates</h3>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'late_updates', missing)) is not missing else environment.getattr(_theme_object, 'late_updates')):
        pass
        yield '<ul>\n'
        for l_1_late in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'late_updates', missing)) is not missing else environment.getattr(_theme_object, 'late_updates')):
            _loop_vars = {}
            pass
            yield '  <li><span class="breach"><span aria-hidden="true">✖</span> '
            if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'promise', missing)) is not missing else environment.getattr(_theme_object, 'promise'))), 'answered_at', missing)) is not missing else environment.getattr(_theme_object, 'answered_at')):
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(duration)s late') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'promise', missing)) is not missing else environment.getattr(_theme_object, 'promise'))), 'late_by', missing)) is not missing else environment.getattr(_theme_object, 'late_by')))})) is str else escape_output(_theme_text))
            else:
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('overdue by %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'promise', missing)) is not missing else environment.getattr(_theme_object, 'promise'))), 'late_by', missing)) is not missing else environment.getattr(_theme_object, 'late_by')))})) is str else escape_output(_theme_text))
            yield '</span>: <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a>, '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('promised by %(time)s') % {'time': t_7((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_late), 'promise', missing)) is not missing else environment.getattr(_theme_object, 'promise'))), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')))})) is str else escape_output(_theme_text))
            yield '</li>\n'
        l_1_late = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p><span class="met"><span aria-hidden="true">✔</span> Every promised update came on time.</span></p>\n'
    yield '\n<h2 id="overdue">Overdue postmortems and actions</h2>\n<p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Every major and critical incident gets a postmortem within %(days)s days of being resolved; each action item has an owner and a due date.') % {'days': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'postmortem_deadline_days', missing)) is not missing else environment.getattr(_theme_object, 'postmortem_deadline_days'))})) is str else escape_output(_theme_text))
    yield '</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'overdue_postmortems', missing)) is not missing else environment.getattr(_theme_object, 'overdue_postmortems')):
        pass
        yield '<ul>\n'
        for l_1_item in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'overdue_postmortems', missing)) is not missing else environment.getattr(_theme_object, 'overdue_postmortems')):
            l_1_impact_label = resolve('impact_label')
            _loop_vars = {}
            pass
            yield '  <li><span class="breach"><span aria-hidden="true">✖</span> Postmortem overdue</span>: <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a> ('
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_1_impact_label is missing else l_1_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '), '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('due %(date)s') % {'date': t_6((_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')))})) is str else escape_output(_theme_text))
            yield '</li>\n'
        l_1_item = l_1_impact_label = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p><span class="met"><span aria-hidden="true">✔</span> No postmortem is overdue.</span></p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'overdue_actions', missing)) is not missing else environment.getattr(_theme_object, 'overdue_actions')):
        pass
        yield '<ul>\n'
        for l_1_action in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'overdue_actions', missing)) is not missing else environment.getattr(_theme_object, 'overdue_actions')):
            l_1_state = resolve('state')
            l_1_author = resolve('author')
            _loop_vars = {}
            pass
            yield '  <li><span class="breach"><span aria-hidden="true">✖</span> Action overdue</span>: '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'item', missing)) is not missing else environment.getattr(_theme_object, 'item'))), 'text', missing)) is not missing else environment.getattr(_theme_object, 'text'))) is str else escape_output(_theme_text))
            if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'item', missing)) is not missing else environment.getattr(_theme_object, 'item'))), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')):
                pass
                yield ' (owner: '
                l_1_author = context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_1_state is missing else l_1_state)), 'authors', missing)) is not missing else environment.getattr(_theme_object, 'authors'))), 'get', missing)) is not missing else environment.getattr(_theme_object, 'get')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'item', missing)) is not missing else environment.getattr(_theme_object, 'item'))), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')), _loop_vars=_loop_vars)
                _loop_vars['author'] = l_1_author
                if (undefined(name='author') if l_1_author is missing else l_1_author):
                    pass
                    yield '<a href="'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
                    yield '">'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
                    yield '</a>'
                else:
                    pass
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'item', missing)) is not missing else environment.getattr(_theme_object, 'item'))), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner'))) is str else escape_output(_theme_text))
                yield ')'
            yield ', '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('due %(date)s') % {'date': t_6((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'item', missing)) is not missing else environment.getattr(_theme_object, 'item'))), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')))})) is str else escape_output(_theme_text))
            yield ', from <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '#postmortem">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_action), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a></li>\n'
        l_1_action = l_1_state = l_1_author = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p><span class="met"><span aria-hidden="true">✔</span> No action item is overdue.</span></p>\n'
    yield '\n<h2 id="recurring">Recurring causes</h2>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'recurring_causes', missing)) is not missing else environment.getattr(_theme_object, 'recurring_causes')):
        pass
        yield '<p>Causes behind two or more incidents: the ones we most need to fix for good.</p>\n<dl class="facts">\n'
        for l_1_cause in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'recurring_causes', missing)) is not missing else environment.getattr(_theme_object, 'recurring_causes')):
            _loop_vars = {}
            pass
            yield '  <dt><code>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cause), 'cause', missing)) is not missing else environment.getattr(_theme_object, 'cause'))) is str else escape_output(_theme_text))
            yield '</code> ('
            yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(n)s incidents') % {'n': t_5((_theme_value if (_theme_value := getattr((_theme_object := l_1_cause), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')))})) is str else escape_output(_theme_text))
            yield ')</dt>\n  <dd><ul>'
            for l_2_incident in (_theme_value if (_theme_value := getattr((_theme_object := l_1_cause), 'incidents', missing)) is not missing else environment.getattr(_theme_object, 'incidents')):
                _loop_vars = {}
                pass
                yield '<li><a href="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_incident), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_incident), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
                yield '</a>, <time datetime="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := l_2_incident), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_6((_theme_value if (_theme_value := getattr((_theme_object := l_2_incident), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')))) is str else escape_output(_theme_text))
                yield '</time></li>'
            l_2_incident = missing
            yield '</ul></dd>\n'
        l_1_cause = missing
        yield '</dl>\n'
    else:
        pass
        yield '<p>No cause has been behind more than one incident.</p>\n'

blocks = {'title': block_title, 'head': block_head, 'main': block_main}
debug_info = '1=14&2=17&3=23&4=40&5=52&6=64&7=67&9=169&10=171&11=173&12=175&13=182&18=201&20=209&21=213&23=216&24=220&25=233&26=242&33=256&34=261&35=265&36=272&42=276&43=279&45=283&46=287&47=295&49=302&50=305&51=317&54=325&55=332&57=337&59=349&60=351&61=365&62=397&63=399&64=401&65=403&66=406&69=428&73=431&75=433&76=436&84=443&86=446&93=452&94=464&96=477&102=480&103=483&104=491&110=500&112=503&113=507&121=527&122=529&124=532&125=537&131=551&133=554&134=560&142=592&145=595&146=599&147=603'