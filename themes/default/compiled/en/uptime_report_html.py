from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'uptime_report.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_month = resolve('month')
    l_0_pct = l_0_mins = l_0_verdict = l_0_title = missing
    try:
        t_1 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    pass
    parent_template = environment.get_template('base.html', 'uptime_report.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('uptime_macros.html', 'uptime_report.html')._get_default_module(context)
    l_0_pct = getattr(included_template, 'pct', missing)
    if l_0_pct is missing:
        l_0_pct = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'uptime_report.html') does not export the requested name 'pct'", name='pct')
    l_0_mins = getattr(included_template, 'mins', missing)
    if l_0_mins is missing:
        l_0_mins = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'uptime_report.html') does not export the requested name 'mins'", name='mins')
    l_0_verdict = getattr(included_template, 'verdict', missing)
    if l_0_verdict is missing:
        l_0_verdict = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'uptime_report.html') does not export the requested name 'verdict'", name='verdict')
    context.vars.update({'pct': l_0_pct, 'mins': l_0_mins, 'verdict': l_0_verdict})
    context.exported_vars.difference_update(('pct', 'mins', 'verdict'))
    l_0_title = (Markup('Uptime report for %(month)s') % {'month': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='month') if l_0_month is missing else l_0_month)), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy')})
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_title = resolve('title')
    l_0_config = resolve('config')
    pass
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='title') if l_0_title is missing else l_0_title)) is str else escape_output(_theme_text))
    yield ' · '
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
    yield 'static/uptime.css">\n<link rel="stylesheet" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'static/report.css">'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    l_0_previous = resolve('previous')
    l_0_next = resolve('next')
    l_0_title = resolve('title')
    l_0_config = resolve('config')
    l_0_home = resolve('home')
    l_0_month = resolve('month')
    l_0_timezone_name = resolve('timezone_name')
    l_0_report = resolve('report')
    l_0_csv_path = resolve('csv_path')
    try:
        t_2 = environment.filters['figure']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'figure' found.")
    try:
        t_1 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_3 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_4 = environment.filters['percent']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'percent' found.")
    try:
        t_5 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    try:
        t_6 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    try:
        t_7 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<nav class="months" aria-label="Months"><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'uptime/">Uptime</a>'
    if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
        pass
        yield ' · <a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='previous') if l_0_previous is missing else l_0_previous)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '" rel="prev">← '
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='previous') if l_0_previous is missing else l_0_previous)), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy')) is str else escape_output(_theme_text))
        yield '</a>'
    if (undefined(name='next') if l_0_next is missing else l_0_next):
        pass
        yield ' · <a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='next') if l_0_next is missing else l_0_next)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '" rel="next">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='next') if l_0_next is missing else l_0_next)), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy')) is str else escape_output(_theme_text))
        yield ' →</a>'
    yield '</nav>\n<h1>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='title') if l_0_title is missing else l_0_title)) is str else escape_output(_theme_text))
    yield '</h1>\n<p class="of">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' · <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='home') if l_0_home is missing else l_0_home)) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url'))) is str else escape_output(_theme_text))
    yield '</a></p>\n<p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup("Every component's uptime from the first to the last day of %(month)s in the %(zone)s timezone, against its monthly target, as published on %(time)s.") % {'month': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='month') if l_0_month is missing else l_0_month)), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy'), 'zone': (undefined(name='timezone_name') if l_0_timezone_name is missing else l_0_timezone_name), 'time': t_6((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'now', missing)) is not missing else environment.getattr(_theme_object, 'now')))})) is str else escape_output(_theme_text))
    yield '</p>\n'
    if (not (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='month') if l_0_month is missing else l_0_month)), 'complete', missing)) is not missing else environment.getattr(_theme_object, 'complete'))):
        pass
        yield '<p class="running"><strong>This month is still running.</strong> Its figures run to the time above; a target met so far can still be missed.</p>'
    yield '<table class="figures report">\n  <caption>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='title') if l_0_title is missing else l_0_title)) is str else escape_output(_theme_text))
    yield '</caption>\n  <thead><tr><th scope="col">Component</th><th scope="col" class="num">Target</th><th scope="col" class="num">Uptime</th><th scope="col" class="num">Downtime</th><th scope="col" class="num">Allowed</th><th scope="col">Result</th></tr></thead>\n  <tbody>\n'
    for l_1_row in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='month') if l_0_month is missing else l_0_month)), 'rows', missing)) is not missing else environment.getattr(_theme_object, 'rows')):
        l_1_pct = resolve('pct')
        l_1_mins = resolve('mins')
        l_1_verdict = resolve('verdict')
        l_1_m = l_1_figures = missing
        _loop_vars = {}
        pass
        l_1_m = markup_join(('components.', (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), '.months.', (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index')), ))
        _loop_vars['m'] = l_1_m
        l_1_figures = (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month'))), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))
        _loop_vars['figures'] = l_1_figures
        yield '    <tr data-json="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='m') if l_1_m is missing else l_1_m)) is str else escape_output(_theme_text))
        yield '" data-breached="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month'))), 'breached', missing)) is not missing else environment.getattr(_theme_object, 'breached')))) is str else escape_output(_theme_text))
        yield '">\n      <th scope="row"><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield '</a></th>\n      <td class="num">'
        if (not t_7((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))):
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_4((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))) is str else escape_output(_theme_text))
        else:
            pass
            yield '–'
        yield '</td>\n      <td class="num">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='pct') if l_1_pct is missing else l_1_pct), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='figures') if l_1_figures is missing else l_1_figures)), 'percent', missing)) is not missing else environment.getattr(_theme_object, 'percent')), markup_join(((undefined(name='m') if l_1_m is missing else l_1_m), '.uptime_percent', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '</td>\n      <td class="num">'
        if ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='figures') if l_1_figures is missing else l_1_figures)), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')) > 0):
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_1_mins is missing else l_1_mins), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='figures') if l_1_figures is missing else l_1_figures)), 'downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'downtime_minutes')), markup_join(((undefined(name='m') if l_1_m is missing else l_1_m), '.downtime_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        else:
            pass
            yield '–'
        yield '</td>\n      <td class="num">'
        if t_7((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month'))), 'allowed_downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'allowed_downtime_minutes'))):
            pass
            yield '–'
        else:
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_1_mins is missing else l_1_mins), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month'))), 'allowed_downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'allowed_downtime_minutes')), markup_join(((undefined(name='m') if l_1_m is missing else l_1_m), '.allowed_downtime_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '</td>\n      <td>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), (_theme_value if (_theme_value := getattr((_theme_object := l_1_row), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '</td>\n    </tr>\n'
    l_1_row = l_1_m = l_1_figures = l_1_pct = l_1_mins = l_1_verdict = missing
    yield '  </tbody>\n</table>\n<h2 id="rules">How these figures are counted</h2>\n<ul class="rules">\n  <li>A component is down from the start of an incident that affects it until the incident is resolved, at the status the incident gives it; an update can bring a component back, or take it down again, before then.</li>\n  <li>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('A minute of major outage counts as a minute of downtime; a minute of partial outage counts as %(partial)s, degraded performance as %(degraded)s and planned maintenance as %(maintenance)s. Overlapping incidents count once, at the worst status.') % {'partial': markup_join((t_2(t_5(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'partial_outage', missing)) is not missing else environment.getattr(_theme_object, 'partial_outage')) * 100), 1)), ' %', )), 'degraded': markup_join((t_2(t_5(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'degraded_performance', missing)) is not missing else environment.getattr(_theme_object, 'degraded_performance')) * 100), 1)), ' %', )), 'maintenance': markup_join((t_2(t_5(((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='report') if l_0_report is missing else l_0_report)), 'weights', missing)) is not missing else environment.getattr(_theme_object, 'weights'))), 'under_maintenance', missing)) is not missing else environment.getattr(_theme_object, 'under_maintenance')) * 100), 1)), ' %', ))})) is str else escape_output(_theme_text))
    yield '</li>\n  <li>Planned maintenance counts from its scheduled start, or the update that started it earlier, to its scheduled end, or the update that ended it earlier; a window cancelled before it started counts nothing.</li>\n  <li>Uptime is 100 % less the share of the month\'s minutes in service counted as downtime, rounded down to three decimals, so it is below a target exactly when the true figure is. A component counts from its start date; before it, it is not in service.</li>\n  <li>Allowed downtime is what the target leaves of the whole month. A target is missed when downtime exceeds it.</li>\n</ul>\n<p class="sources">The same figures, every month and component: <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='csv_path') if l_0_csv_path is missing else l_0_csv_path)) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url'))) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='csv_path') if l_0_csv_path is missing else l_0_csv_path)) is str else escape_output(_theme_text))
    yield '</a> · <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/uptime.json">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url'))) is str else escape_output(_theme_text))
    yield 'api/uptime.json</a></p>\n'

blocks = {'title': block_title, 'head': block_head, 'main': block_main}
debug_info = '4=21&5=24&6=36&7=41&8=55&9=67&10=70&11=131&12=133&13=141&14=150&15=152&16=158&17=160&19=164&22=166&23=173&24=175&25=178&26=182&27=187&28=194&29=196&30=203&31=210&39=214&44=216'