from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'uptime_macros.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_status_label = l_0_pct = l_0_mins = l_0_span = l_0_verdict = l_0_windows_table = l_0_month_chart = l_0_month_rows = l_0_month_head = l_0_month_table = l_0_day_row = l_0_component_uptime = missing
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
        t_3 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_7 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_8 = environment.filters['month_chart']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'month_chart' found.")
    try:
        t_9 = environment.filters['percent']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'percent' found.")
    try:
        t_10 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    try:
        t_11 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    try:
        t_12 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('macros.html', 'uptime_macros.html')._get_default_module(context)
    l_0_status_label = getattr(included_template, 'status_label', missing)
    if l_0_status_label is missing:
        l_0_status_label = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'uptime_macros.html') does not export the requested name 'status_label'", name='status_label')
    context.vars['status_label'] = l_0_status_label
    context.exported_vars.discard('status_label')
    def macro(l_1_value, l_1_key):
        t_14 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        if t_13(l_1_value):
            pass
            t_14.extend((
                '<span data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                '" data-null="">not in service</span>',
            ))
        else:
            pass
            t_14.extend((
                '<data value="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_value) is str else escape_output(_theme_text)),
                '" data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                '">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_9(l_1_value)) is str else escape_output(_theme_text)),
                '</data>',
            ))
        return concat(t_14)
    context.exported_vars.add('pct')
    context.vars['pct'] = l_0_pct = Macro(environment, macro, 'pct', ('value', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_value, l_1_key):
        t_15 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_15.extend((
            '<data value="',
            (fast_escape_text(_theme_text) if type(_theme_text := t_11(l_1_value, 1)) is str else escape_output(_theme_text)),
            '" data-json="',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '">',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(n)s min') % {'n': t_2(t_11(l_1_value, 1))})) is str else escape_output(_theme_text)),
            '</data>',
        ))
        return concat(t_15)
    context.exported_vars.add('mins')
    context.vars['mins'] = l_0_mins = Macro(environment, macro, 'mins', ('value', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_value, l_1_key):
        t_16 = []
        l_1_seconds = resolve('seconds')
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        if t_13(l_1_value):
            pass
            t_16.extend((
                '<span data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                '" data-null="">–</span>',
            ))
        else:
            pass
            l_1_seconds = t_3(t_11(context.call((_theme_value if (_theme_value := getattr((_theme_object := l_1_value), 'total_seconds', missing)) is not missing else environment.getattr(_theme_object, 'total_seconds')))))
            t_16.extend((
                '<time datetime="PT',
                (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='seconds') if l_1_seconds is missing else l_1_seconds)) is str else escape_output(_theme_text)),
                'S" data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
                '">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_1(l_1_value)) is str else escape_output(_theme_text)),
                '</time>',
            ))
        return concat(t_16)
    context.exported_vars.add('span')
    context.vars['span'] = l_0_span = Macro(environment, macro, 'span', ('value', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_month):
        t_17 = []
        if l_1_month is missing:
            l_1_month = undefined("parameter 'month' was not provided", name='month')
        pass
        if ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')) <= 0):
            pass
            t_17.append(
                'not in service\n',
            )
        elif (_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'breached', missing)) is not missing else environment.getattr(_theme_object, 'breached')):
            pass
            t_17.append(
                '<span class="breach"><span aria-hidden="true">✖</span> Target missed</span>\n',
            )
        elif t_13((_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'allowed_downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'allowed_downtime_minutes'))):
            pass
            t_17.append(
                'no target\n',
            )
        elif (_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'complete', missing)) is not missing else environment.getattr(_theme_object, 'complete')):
            pass
            t_17.append(
                '<span class="met"><span aria-hidden="true">✔</span> Target met</span>\n',
            )
        else:
            pass
            t_17.append(
                '<span class="met"><span aria-hidden="true">✔</span> On target so far</span>',
            )
        return concat(t_17)
    context.exported_vars.add('verdict')
    context.vars['verdict'] = l_0_verdict = Macro(environment, macro, 'verdict', ('month',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_cu, l_1_key):
        t_18 = []
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_18.extend((
            '<table class="figures">\n  <caption>',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Uptime of %(name)s') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))})) is str else escape_output(_theme_text)),
            '</caption>\n  <thead><tr><th scope="col">Period</th><th scope="col" class="num">Uptime</th><th scope="col" class="num">Downtime</th><th scope="col" class="num">Time affected</th></tr></thead>\n  <tbody>\n',
        ))
        for (l_2_days, l_2_figures) in (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'windows', missing)) is not missing else environment.getattr(_theme_object, 'windows')):
            _loop_vars = {}
            pass
            t_18.extend((
                '    <tr><th scope="row">',
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Last %(days)s days') % {'days': l_2_days})) is str else escape_output(_theme_text)),
                '</th><td class="num">',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='pct') if l_0_pct is missing else l_0_pct), (_theme_value if (_theme_value := getattr((_theme_object := l_2_figures), 'percent', missing)) is not missing else environment.getattr(_theme_object, 'percent')), markup_join((l_1_key, '.windows.', l_2_days, '.uptime_percent', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</td><td class="num">',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_0_mins is missing else l_0_mins), (_theme_value if (_theme_value := getattr((_theme_object := l_2_figures), 'downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'downtime_minutes')), markup_join((l_1_key, '.windows.', l_2_days, '.downtime_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</td><td class="num">',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_0_mins is missing else l_0_mins), (_theme_value if (_theme_value := getattr((_theme_object := l_2_figures), 'affected_minutes', missing)) is not missing else environment.getattr(_theme_object, 'affected_minutes')), markup_join((l_1_key, '.windows.', l_2_days, '.affected_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</td></tr>\n',
            ))
        l_2_days = l_2_figures = missing
        t_18.append(
            '  </tbody>\n</table>',
        )
        return concat(t_18)
    context.exported_vars.add('windows_table')
    context.vars['windows_table'] = l_0_windows_table = Macro(environment, macro, 'windows_table', ('cu', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_cu):
        t_19 = []
        l_1_chart = l_1_id = missing
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        pass
        l_1_chart = t_8(l_1_cu)
        l_1_id = markup_join(('months-', (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), ))
        t_19.extend((
            '<svg class="chart" role="img" aria-labelledby="',
            (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='id') if l_1_id is missing else l_1_id)) is str else escape_output(_theme_text)),
            '-title" viewBox="0 0 ',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'width', missing)) is not missing else environment.getattr(_theme_object, 'width'))) is str else escape_output(_theme_text)),
            ' ',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height'))) is str else escape_output(_theme_text)),
            '" xmlns="http://www.w3.org/2000/svg">\n  <title id="',
            (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='id') if l_1_id is missing else l_1_id)) is str else escape_output(_theme_text)),
            '-title">',
        ))
        if (not t_13((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))):
            pass
            t_19.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Monthly uptime of %(name)s over the last %(count)s months, against its target of %(sla)s; the table below gives the figures.') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), 'count': t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'recent_months', missing)) is not missing else environment.getattr(_theme_object, 'recent_months'))), 'sla': t_9((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))})) is str else escape_output(_theme_text)),
            )
        else:
            pass
            t_19.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Monthly uptime of %(name)s over the last %(count)s months; the table below gives the figures.') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), 'count': t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'recent_months', missing)) is not missing else environment.getattr(_theme_object, 'recent_months')))})) is str else escape_output(_theme_text)),
            )
        t_19.append(
            '</title>\n',
        )
        for (l_2_y, l_2_value) in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'ticks', missing)) is not missing else environment.getattr(_theme_object, 'ticks')):
            _loop_vars = {}
            pass
            t_19.extend((
                '  <line class="grid" x1="',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'plot_left', missing)) is not missing else environment.getattr(_theme_object, 'plot_left'))) is str else escape_output(_theme_text)),
                '" x2="',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'plot_right', missing)) is not missing else environment.getattr(_theme_object, 'plot_right'))) is str else escape_output(_theme_text)),
                '" y1="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_2_y) is str else escape_output(_theme_text)),
                '" y2="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_2_y) is str else escape_output(_theme_text)),
                '"/>\n  <text x="',
                (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'plot_left', missing)) is not missing else environment.getattr(_theme_object, 'plot_left')) - 6)) is str else escape_output(_theme_text)),
                '" y="',
                (fast_escape_text(_theme_text) if type(_theme_text := (l_2_y + 4)) is str else escape_output(_theme_text)),
                '" text-anchor="end">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_9(l_2_value)) is str else escape_output(_theme_text)),
                '</text>\n',
            ))
        l_2_y = l_2_value = missing
        for l_2_bar in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'bars', missing)) is not missing else environment.getattr(_theme_object, 'bars')):
            _loop_vars = {}
            pass
            if (not t_13((_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'value', missing)) is not missing else environment.getattr(_theme_object, 'value')))):
                pass
                t_19.append(
                    '<rect class="bar',
                )
                if (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'flagged', missing)) is not missing else environment.getattr(_theme_object, 'flagged')):
                    pass
                    t_19.append(
                        ' breached',
                    )
                t_19.extend((
                    '" x="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'x', missing)) is not missing else environment.getattr(_theme_object, 'x'))) is str else escape_output(_theme_text)),
                    '" y="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'y', missing)) is not missing else environment.getattr(_theme_object, 'y'))) is str else escape_output(_theme_text)),
                    '" width="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'width', missing)) is not missing else environment.getattr(_theme_object, 'width'))) is str else escape_output(_theme_text)),
                    '" height="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height'))) is str else escape_output(_theme_text)),
                    '"/>',
                ))
            if (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'flagged', missing)) is not missing else environment.getattr(_theme_object, 'flagged')):
                pass
                t_19.extend((
                    '<text class="mark" x="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'label_x', missing)) is not missing else environment.getattr(_theme_object, 'label_x'))) is str else escape_output(_theme_text)),
                    '" y="',
                    (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'y', missing)) is not missing else environment.getattr(_theme_object, 'y')) - 4)) is str else escape_output(_theme_text)),
                    '" text-anchor="middle">✖</text>',
                ))
            t_19.extend((
                '  <text x="',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'label_x', missing)) is not missing else environment.getattr(_theme_object, 'label_x'))) is str else escape_output(_theme_text)),
                '" y="',
                (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'height', missing)) is not missing else environment.getattr(_theme_object, 'height')) - 12)) is str else escape_output(_theme_text)),
                '" text-anchor="middle">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_6((_theme_value if (_theme_value := getattr((_theme_object := l_2_bar), 'period', missing)) is not missing else environment.getattr(_theme_object, 'period')), 'MMM')) is str else escape_output(_theme_text)),
                '</text>\n',
            ))
        l_2_bar = missing
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'target', missing)) is not missing else environment.getattr(_theme_object, 'target')):
            pass
            t_19.extend((
                '<line class="target" x1="',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'plot_left', missing)) is not missing else environment.getattr(_theme_object, 'plot_left'))) is str else escape_output(_theme_text)),
                '" x2="',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'plot_right', missing)) is not missing else environment.getattr(_theme_object, 'plot_right'))) is str else escape_output(_theme_text)),
                '" y1="',
                (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'target', missing)) is not missing else environment.getattr(_theme_object, 'target')), 0)) is str else escape_output(_theme_text)),
                '" y2="',
                (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='chart') if l_1_chart is missing else l_1_chart)), 'target', missing)) is not missing else environment.getattr(_theme_object, 'target')), 0)) is str else escape_output(_theme_text)),
                '"/>',
            ))
        t_19.append(
            '</svg>',
        )
        return concat(t_19)
    context.exported_vars.add('month_chart')
    context.vars['month_chart'] = l_0_month_chart = Macro(environment, macro, 'month_chart', ('cu',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_cu, l_1_months, l_1_key):
        t_20 = []
        l_1_first = missing
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        if l_1_months is missing:
            l_1_months = undefined("parameter 'months' was not provided", name='months')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        l_1_first = context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'months', missing)) is not missing else environment.getattr(_theme_object, 'months'))), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index')), environment.getitem(l_1_months, 0))
        l_2_loop = missing
        for l_2_month, l_2_loop in LoopContext(t_10(l_1_months), undefined):
            l_2_m = missing
            _loop_vars = {}
            pass
            l_2_m = markup_join((l_1_key, '.months.', (((undefined(name='first') if l_1_first is missing else l_1_first) + t_4(l_1_months)) - (_theme_value if (_theme_value := getattr((_theme_object := l_2_loop), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index'))), ))
            _loop_vars['m'] = l_2_m
            t_20.extend((
                '    <tr data-json="',
                (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='m') if l_2_m is missing else l_2_m)) is str else escape_output(_theme_text)),
                '" data-breached="',
                (fast_escape_text(_theme_text) if type(_theme_text := t_7((_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'breached', missing)) is not missing else environment.getattr(_theme_object, 'breached')))) is str else escape_output(_theme_text)),
                '">\n      <th scope="row">',
                (fast_escape_text(_theme_text) if type(_theme_text := t_6((_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'month', missing)) is not missing else environment.getattr(_theme_object, 'month')), 'MMMM yyyy')) is str else escape_output(_theme_text)),
            ))
            if (not (_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'complete', missing)) is not missing else environment.getattr(_theme_object, 'complete'))):
                pass
                t_20.append(
                    ' <span class="utc">(to date)</span>',
                )
            t_20.extend((
                '</th>\n      <td class="num">',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='pct') if l_0_pct is missing else l_0_pct), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'percent', missing)) is not missing else environment.getattr(_theme_object, 'percent')), markup_join(((undefined(name='m') if l_2_m is missing else l_2_m), '.uptime_percent', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</td>\n      <td class="num">',
            ))
            if ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')) > 0):
                pass
                t_20.append(
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_0_mins is missing else l_0_mins), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'downtime_minutes')), markup_join(((undefined(name='m') if l_2_m is missing else l_2_m), '.downtime_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                )
            else:
                pass
                t_20.append(
                    '–',
                )
            t_20.append(
                '</td>\n      <td class="num">',
            )
            if t_13((_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'allowed_downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'allowed_downtime_minutes'))):
                pass
                t_20.append(
                    '–',
                )
            else:
                pass
                t_20.append(
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='mins') if l_0_mins is missing else l_0_mins), (_theme_value if (_theme_value := getattr((_theme_object := l_2_month), 'allowed_downtime_minutes', missing)) is not missing else environment.getattr(_theme_object, 'allowed_downtime_minutes')), markup_join(((undefined(name='m') if l_2_m is missing else l_2_m), '.allowed_downtime_minutes', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                )
            t_20.extend((
                '</td>\n      <td>',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), l_2_month, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</td>\n    </tr>\n',
            ))
        l_2_loop = l_2_month = l_2_m = missing
        return concat(t_20)
    context.exported_vars.add('month_rows')
    context.vars['month_rows'] = l_0_month_rows = Macro(environment, macro, 'month_rows', ('cu', 'months', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro():
        t_21 = []
        pass
        t_21.append(
            '<thead><tr><th scope="col">Month</th><th scope="col" class="num">Uptime</th><th scope="col" class="num">Downtime</th><th scope="col" class="num">Allowed</th><th scope="col">Target</th></tr></thead>',
        )
        return concat(t_21)
    context.exported_vars.add('month_head')
    context.vars['month_head'] = l_0_month_head = Macro(environment, macro, 'month_head', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_cu, l_1_key):
        t_22 = []
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_22.extend((
            '<table class="figures">\n  <caption>',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s by month') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))})) is str else escape_output(_theme_text)),
        ))
        if (not t_13((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))):
            pass
            t_22.extend((
                ' · ',
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('target %(sla)s') % {'sla': t_9((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))})) is str else escape_output(_theme_text)),
            ))
        t_22.extend((
            '</caption>\n  ',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_head') if l_0_month_head is missing else l_0_month_head))) is str else escape_output(_theme_text)),
            '\n  <tbody>\n',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_rows') if l_0_month_rows is missing else l_0_month_rows), l_1_cu, (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'recent_months', missing)) is not missing else environment.getattr(_theme_object, 'recent_months')), l_1_key)) is str else escape_output(_theme_text)),
            '\n  </tbody>\n</table>',
        ))
        for l_2_year in (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'older_years', missing)) is not missing else environment.getattr(_theme_object, 'older_years')):
            l_2_ngettext = resolve('ngettext')
            l_2_y = missing
            _loop_vars = {}
            pass
            l_2_y = markup_join((l_1_key, '.years.', context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'years', missing)) is not missing else environment.getattr(_theme_object, 'years'))), 'index', missing)) is not missing else environment.getattr(_theme_object, 'index')), l_2_year, _loop_vars=_loop_vars), ))
            _loop_vars['y'] = l_2_y
            t_22.append(
                '<details class="year"',
            )
            if (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'breaches', missing)) is not missing else environment.getattr(_theme_object, 'breaches')):
                pass
                t_22.append(
                    ' data-breached="true"',
                )
            t_22.extend((
                '>\n  <summary>',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'year', missing)) is not missing else environment.getattr(_theme_object, 'year'))) is str else escape_output(_theme_text)),
                ': ',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='pct') if l_0_pct is missing else l_0_pct), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'percent', missing)) is not missing else environment.getattr(_theme_object, 'percent')), markup_join(((undefined(name='y') if l_2_y is missing else l_2_y), '.uptime_percent', )), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
            ))
            if (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'breaches', missing)) is not missing else environment.getattr(_theme_object, 'breaches')):
                pass
                t_22.extend((
                    ' · <span class="breach"><span aria-hidden="true">✖</span> ',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='ngettext') if l_2_ngettext is missing else l_2_ngettext), '%(num)d month below target', '%(num)d months below target', t_4((_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'breaches', missing)) is not missing else environment.getattr(_theme_object, 'breaches'))), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                    '</span>',
                ))
            elif ((not t_13((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'sla', missing)) is not missing else environment.getattr(_theme_object, 'sla')))) and ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'figures', missing)) is not missing else environment.getattr(_theme_object, 'figures'))), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')) > 0)):
                pass
                t_22.append(
                    ' · <span class="met"><span aria-hidden="true">✔</span> every month on target</span>',
                )
            t_22.extend((
                '</summary>\n  <table class="figures">\n    <caption>',
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s in %(year)s') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), 'year': (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'year', missing)) is not missing else environment.getattr(_theme_object, 'year'))})) is str else escape_output(_theme_text)),
                '</caption>\n    ',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_head') if l_0_month_head is missing else l_0_month_head), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '\n    <tbody>\n',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_rows') if l_0_month_rows is missing else l_0_month_rows), l_1_cu, (_theme_value if (_theme_value := getattr((_theme_object := l_2_year), 'months', missing)) is not missing else environment.getattr(_theme_object, 'months')), l_1_key, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '\n    </tbody>\n  </table>\n</details>\n',
            ))
        l_2_year = l_2_y = l_2_ngettext = missing
        return concat(t_22)
    context.exported_vars.add('month_table')
    context.vars['month_table'] = l_0_month_table = Macro(environment, macro, 'month_table', ('cu', 'key'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_cu):
        t_23 = []
        l_1_id = l_1_width = l_1_affected = missing
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        pass
        l_1_id = markup_join(('days-', (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), ))
        l_1_width = (4 * t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days'))))
        t_23.extend((
            '<svg class="chart days" role="img" aria-labelledby="',
            (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='id') if l_1_id is missing else l_1_id)) is str else escape_output(_theme_text)),
            '-title" viewBox="0 0 ',
            (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='width') if l_1_width is missing else l_1_width)) is str else escape_output(_theme_text)),
            ' 24" xmlns="http://www.w3.org/2000/svg">\n  <title id="',
            (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='id') if l_1_id is missing else l_1_id)) is str else escape_output(_theme_text)),
            '-title">',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s day by day over the last %(count)s days, oldest first; the list below names every day that was not fully operational.') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), 'count': t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days')))})) is str else escape_output(_theme_text)),
            '</title>\n',
        ))
        l_2_loop = missing
        for l_2_cell, l_2_loop in LoopContext((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days')), undefined):
            _loop_vars = {}
            pass
            t_23.extend((
                '  <rect class="day day-',
                (fast_escape_text(_theme_text) if type(_theme_text := ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')) if (not t_13((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime')))) else 'none')) is str else escape_output(_theme_text)),
                '" x="',
                (fast_escape_text(_theme_text) if type(_theme_text := (4 * (_theme_value if (_theme_value := getattr((_theme_object := l_2_loop), 'index0', missing)) is not missing else environment.getattr(_theme_object, 'index0')))) is str else escape_output(_theme_text)),
                '" y="0" width="4" height="24"/>\n',
            ))
        l_2_loop = l_2_cell = missing
        t_23.append(
            '</svg>\n',
        )
        l_1_affected = t_5(context.eval_ctx, t_12(context, (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days')), 'minutes'))
        if (undefined(name='affected') if l_1_affected is missing else l_1_affected):
            pass
            t_23.append(
                '<ul class="affected-days">\n',
            )
            for l_2_cell in t_10((undefined(name='affected') if l_1_affected is missing else l_1_affected)):
                _loop_vars = {}
                pass
                t_23.extend((
                    '  <li>',
                    (fast_escape_text(_theme_text) if type(_theme_text := t_6((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'day', missing)) is not missing else environment.getattr(_theme_object, 'day')), 'medium')) is str else escape_output(_theme_text)),
                    ': ',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_0_status_label is missing else l_0_status_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                    ', ',
                    (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(n)s min affected') % {'n': t_2((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')))})) is str else escape_output(_theme_text)),
                    '</li>\n',
                ))
            l_2_cell = missing
            t_23.append(
                '</ul>\n',
            )
        else:
            pass
            t_23.extend((
                '<p>',
                (fast_escape_text(_theme_text) if type(_theme_text := (Markup('No incident or maintenance in the last %(count)s days.') % {'count': t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days')))})) is str else escape_output(_theme_text)),
                '</p>\n',
            ))
        return concat(t_23)
    context.exported_vars.add('day_row')
    context.vars['day_row'] = l_0_day_row = Macro(environment, macro, 'day_row', ('cu',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_cu, l_1_heading):
        t_24 = []
        l_1_key = missing
        if l_1_cu is missing:
            l_1_cu = undefined("parameter 'cu' was not provided", name='cu')
        if l_1_heading is missing:
            l_1_heading = undefined("parameter 'heading' was not provided", name='heading')
        pass
        l_1_key = markup_join(('components.', (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')), ))
        t_24.extend((
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='windows_table') if l_0_windows_table is missing else l_0_windows_table), l_1_cu, (undefined(name='key') if l_1_key is missing else l_1_key))) is str else escape_output(_theme_text)),
            '\n<h',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_heading) is str else escape_output(_theme_text)),
            '>',
            (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Last %(count)s days') % {'count': t_4((_theme_value if (_theme_value := getattr((_theme_object := l_1_cu), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days')))})) is str else escape_output(_theme_text)),
            '</h',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_heading) is str else escape_output(_theme_text)),
            '>\n',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='day_row') if l_0_day_row is missing else l_0_day_row), l_1_cu)) is str else escape_output(_theme_text)),
            '\n<h',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_heading) is str else escape_output(_theme_text)),
            '>By month</h',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_heading) is str else escape_output(_theme_text)),
            '>\n',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_chart') if l_0_month_chart is missing else l_0_month_chart), l_1_cu)) is str else escape_output(_theme_text)),
            '\n',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='month_table') if l_0_month_table is missing else l_0_month_table), l_1_cu, (undefined(name='key') if l_1_key is missing else l_1_key))) is str else escape_output(_theme_text)),
        ))
        return concat(t_24)
    context.exported_vars.add('component_uptime')
    context.vars['component_uptime'] = l_0_component_uptime = Macro(environment, macro, 'component_uptime', ('cu', 'heading'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=91&3=97&4=104&7=126&8=135&11=146&12=154&15=177&16=182&17=187&18=192&19=197&23=211&25=220&28=223&29=228&35=245&36=251&37=252&38=255&39=261&40=277&41=282&42=290&44=298&45=301&46=322&47=333&49=341&53=361&54=371&55=373&56=377&57=381&58=385&59=394&60=397&61=410&62=422&67=430&74=439&76=448&77=458&79=460&82=463&83=468&84=473&85=480&87=498&88=500&90=502&97=510&98=516&99=517&100=520&101=524&102=530&103=535&106=544&107=545&109=550&110=555&114=570&118=577&119=585&120=587&121=589&122=595&123=597&124=601&125=603'