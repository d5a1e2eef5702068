from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_signature = l_0_words = l_0_icons = l_0_status_words = l_0_status_label = l_0_incident_status = l_0_impact_label = l_0_when = l_0_window = l_0_author_link = l_0_component_links = l_0_byline = l_0_details = l_0_update_entry = l_0_component_change = l_0_day_row = l_0_overall_parts = l_0_contact = missing
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
        t_4 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_5 = environment.filters['local_time']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'local_time' found.")
    try:
        t_6 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_7 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_8 = environment.filters['skeleton']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'skeleton' found.")
    try:
        t_9 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    try:
        t_10 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_11 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('byline_signature.html', 'macros.html')._get_default_module(context)
    l_0_signature = getattr(included_template, 'signature', missing)
    if l_0_signature is missing:
        l_0_signature = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'macros.html') does not export the requested name 'signature'", name='signature')
    context.vars['signature'] = l_0_signature
    context.exported_vars.discard('signature')
    l_0_words = context.vars['words'] = environment.get_template('words.html', 'macros.html')._get_default_module(context)
    context.exported_vars.discard('words')
    l_0_icons = {'operational': '✓', 'under_maintenance': '⚙', 'degraded_performance': '◐', 'partial_outage': '▲', 'major_outage': '✕'}
    context.vars['icons'] = l_0_icons
    context.exported_vars.add('icons')
    yield '\n'
    def macro(l_1_key):
        t_12 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_12.append(
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='words') if l_0_words is missing else l_0_words)), 'component_statuses', missing)) is not missing else environment.getattr(_theme_object, 'component_statuses')), l_1_key)) is str else escape_output(_theme_text)),
        )
        return concat(t_12)
    context.exported_vars.add('status_words')
    context.vars['status_words'] = l_0_status_words = Macro(environment, macro, 'status_words', ('key',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_key):
        t_13 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_13.extend((
            '<span class="status s-',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '"><span class="icon" aria-hidden="true">',
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='icons') if l_0_icons is missing else l_0_icons), l_1_key)) is str else escape_output(_theme_text)),
            '</span> ',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_words') if l_0_status_words is missing else l_0_status_words), l_1_key)) is str else escape_output(_theme_text)),
            '</span>',
        ))
        return concat(t_13)
    context.exported_vars.add('status_label')
    context.vars['status_label'] = l_0_status_label = Macro(environment, macro, 'status_label', ('key',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_key):
        t_14 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_14.extend((
            '<span class="tag t-',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '">',
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='words') if l_0_words is missing else l_0_words)), 'update_statuses', missing)) is not missing else environment.getattr(_theme_object, 'update_statuses')), l_1_key)) is str else escape_output(_theme_text)),
            '</span>',
        ))
        return concat(t_14)
    context.exported_vars.add('incident_status')
    context.vars['incident_status'] = l_0_incident_status = Macro(environment, macro, 'incident_status', ('key',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_key):
        t_15 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_15.extend((
            '<span class="tag impact-',
            (fast_escape_text(_theme_text) if type(_theme_text := l_1_key) is str else escape_output(_theme_text)),
            '">',
            (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='words') if l_0_words is missing else l_0_words)), 'impacts', missing)) is not missing else environment.getattr(_theme_object, 'impacts')), l_1_key)) is str else escape_output(_theme_text)),
            '</span>',
        ))
        return concat(t_15)
    context.exported_vars.add('impact_label')
    context.vars['impact_label'] = l_0_impact_label = Macro(environment, macro, 'impact_label', ('key',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_value, l_1_class):
        t_16 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_class is missing:
            l_1_class = ''
        pass
        t_16.append(
            '<time',
        )
        if l_1_class:
            pass
            t_16.extend((
                ' class="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_class) is str else escape_output(_theme_text)),
                '"',
            ))
        t_16.extend((
            ' datetime="',
            (fast_escape_text(_theme_text) if type(_theme_text := t_2(l_1_value)) is str else escape_output(_theme_text)),
            '">',
            (fast_escape_text(_theme_text) if type(_theme_text := t_5(l_1_value)) is str else escape_output(_theme_text)),
            ' <span class="utc">(',
            (fast_escape_text(_theme_text) if type(_theme_text := t_9(l_1_value)) is str else escape_output(_theme_text)),
            ')</span></time>',
        ))
        return concat(t_16)
    context.exported_vars.add('when')
    context.vars['when'] = l_0_when = Macro(environment, macro, 'when', ('value', 'class'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_start, l_1_end):
        t_17 = []
        if l_1_start is missing:
            l_1_start = undefined("parameter 'start' was not provided", name='start')
        if l_1_end is missing:
            l_1_end = undefined("parameter 'end' was not provided", name='end')
        pass
        t_17.extend((
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), l_1_start)) is str else escape_output(_theme_text)),
            ' – ',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), l_1_end)) is str else escape_output(_theme_text)),
        ))
        return concat(t_17)
    context.exported_vars.add('window')
    context.vars['window'] = l_0_window = Macro(environment, macro, 'window', ('start', 'end'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_author_id, l_1_root, l_1_state):
        t_18 = []
        l_1_author = missing
        if l_1_author_id is missing:
            l_1_author_id = undefined("parameter 'author_id' was not provided", name='author_id')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_1_author = context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'authors', missing)) is not missing else environment.getattr(_theme_object, 'authors'))), 'get', missing)) is not missing else environment.getattr(_theme_object, 'get')), l_1_author_id)
        if (undefined(name='author') if l_1_author is missing else l_1_author):
            pass
            t_18.extend((
                '<a href="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_root) is str else escape_output(_theme_text)),
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                '">',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text)),
                '</a>',
            ))
        else:
            pass
            t_18.append(
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_author_id) is str else escape_output(_theme_text)),
            )
        return concat(t_18)
    context.exported_vars.add('author_link')
    context.vars['author_link'] = l_0_author_link = Macro(environment, macro, 'author_link', ('author_id', 'root', 'state'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_ids, l_1_root, l_1_state):
        t_19 = []
        if l_1_ids is missing:
            l_1_ids = undefined("parameter 'ids' was not provided", name='ids')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_2_loop = missing
        for l_2_cid, l_2_loop in LoopContext(l_1_ids, undefined):
            _loop_vars = {}
            pass
            if (l_2_cid in (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components'))):
                pass
                t_19.extend((
                    '<a href="',
                    (fast_escape_text(_theme_text) if type(_theme_text := l_1_root) is str else escape_output(_theme_text)),
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), l_2_cid)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), l_2_cid)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text)),
                    '</a>',
                ))
            else:
                pass
                t_19.append(
                    (fast_escape_text(_theme_text) if type(_theme_text := l_2_cid) is str else escape_output(_theme_text)),
                )
            t_19.append(
                (fast_escape_text(_theme_text) if type(_theme_text := (', ' if (not (_theme_value if (_theme_value := getattr((_theme_object := l_2_loop), 'last', missing)) is not missing else environment.getattr(_theme_object, 'last'))) else cond_expr_undefined("the inline if-expression on line 39 in 'macros.html' evaluated to false and no else section was defined."))) is str else escape_output(_theme_text)),
            )
        l_2_loop = l_2_cid = missing
        return concat(t_19)
    context.exported_vars.add('component_links')
    context.vars['component_links'] = l_0_component_links = Macro(environment, macro, 'component_links', ('ids', 'root', 'state'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_author_id, l_1_root, l_1_signed, l_1_state):
        t_20 = []
        l_1_author = missing
        if l_1_author_id is missing:
            l_1_author_id = undefined("parameter 'author_id' was not provided", name='author_id')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_signed is missing:
            l_1_signed = undefined("parameter 'signed' was not provided", name='signed')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_1_author = (context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'bylines', missing)) is not missing else environment.getattr(_theme_object, 'bylines'))), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author')), l_1_author_id, context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'bylines', missing)) is not missing else environment.getattr(_theme_object, 'bylines'))), 'of', missing)) is not missing else environment.getattr(_theme_object, 'of')), l_1_signed)) or context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'authors', missing)) is not missing else environment.getattr(_theme_object, 'authors'))), 'get', missing)) is not missing else environment.getattr(_theme_object, 'get')), l_1_author_id))
        t_20.append(
            '<p class="byline">Signed by ',
        )
        if (undefined(name='author') if l_1_author is missing else l_1_author):
            pass
            t_20.extend((
                '<span class="p-author h-card"><a class="p-name u-url" href="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_root) is str else escape_output(_theme_text)),
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                '">',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text)),
                '</a>, <span class="p-job-title">',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'role', missing)) is not missing else environment.getattr(_theme_object, 'role'))) is str else escape_output(_theme_text)),
                '</span>',
            ))
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')):
                pass
                t_20.extend((
                    ' · <a class="u-email" href="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'mailto', missing)) is not missing else environment.getattr(_theme_object, 'mailto'))) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='author') if l_1_author is missing else l_1_author)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email'))) is str else escape_output(_theme_text)),
                    '</a>',
                ))
            t_20.append(
                '</span>',
            )
        else:
            pass
            t_20.extend((
                '<span class="p-author">',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_author_id) is str else escape_output(_theme_text)),
                '</span>',
            ))
        t_20.extend((
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), l_1_signed, l_1_author_id, (undefined(name='author') if l_1_author is missing else l_1_author), l_1_root, l_1_state)) is str else escape_output(_theme_text)),
            '</p>',
        ))
        return concat(t_20)
    context.exported_vars.add('byline')
    context.vars['byline'] = l_0_byline = Macro(environment, macro, 'byline', ('author_id', 'root', 'signed', 'state'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_html):
        t_21 = []
        if l_1_html is missing:
            l_1_html = undefined("parameter 'html' was not provided", name='html')
        pass
        if l_1_html:
            pass
            t_21.extend((
                '<details class="technical"><summary>Technical details</summary>',
                (fast_escape_text(_theme_text) if type(_theme_text := t_7(l_1_html)) is str else escape_output(_theme_text)),
                '</details>',
            ))
        return concat(t_21)
    context.exported_vars.add('details')
    context.vars['details'] = l_0_details = Macro(environment, macro, 'details', ('html',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_update, l_1_root, l_1_state, l_1_item):
        t_22 = []
        l_1_late = resolve('late')
        l_1_changes = missing
        if l_1_update is missing:
            l_1_update = undefined("parameter 'update' was not provided", name='update')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        if l_1_item is missing:
            l_1_item = None
        pass
        t_22.extend((
            '<article class="update h-entry" id="',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text)),
            '">\n<h3>',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_0_incident_status is missing else l_0_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')))) is str else escape_output(_theme_text)),
            ' <a class="u-url" href="#',
            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text)),
            '">',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), 'dt-published')) is str else escape_output(_theme_text)),
            '</a></h3>\n',
        ))
        if l_1_item:
            pass
            l_1_late = context.call((_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'late_answer', missing)) is not missing else environment.getattr(_theme_object, 'late_answer')), l_1_update)
            if (undefined(name='late') if l_1_late is missing else l_1_late):
                pass
                t_22.extend((
                    '<p class="promise"><strong class="late">Late:</strong> ',
                    (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(duration)s after the promised %(time)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='late') if l_1_late is missing else l_1_late)), 'late_by', missing)) is not missing else environment.getattr(_theme_object, 'late_by'))), 'time': context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='late') if l_1_late is missing else l_1_late)), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')))})) is str else escape_output(_theme_text)),
                    '</p>',
                ))
        l_1_changes = (context.call((_theme_value if (_theme_value := getattr((_theme_object := l_1_item), 'stated_changes', missing)) is not missing else environment.getattr(_theme_object, 'stated_changes')), l_1_update) if l_1_item else ())
        t_22.extend((
            '<div class="e-content">',
            (fast_escape_text(_theme_text) if type(_theme_text := t_7((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'body', missing)) is not missing else environment.getattr(_theme_object, 'body'))), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html')))) is str else escape_output(_theme_text)),
        ))
        if (undefined(name='changes') if l_1_changes is missing else l_1_changes):
            pass
            t_22.append(
                '<ul class="changes">',
            )
            for l_2_change in (undefined(name='changes') if l_1_changes is missing else l_1_changes):
                _loop_vars = {}
                pass
                t_22.extend((
                    '<li>',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='component_change') if l_0_component_change is missing else l_0_component_change), l_2_change, l_1_state, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                    '</li>',
                ))
            l_2_change = missing
            t_22.append(
                '</ul>',
            )
        t_22.extend((
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='details') if l_0_details is missing else l_0_details), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'body', missing)) is not missing else environment.getattr(_theme_object, 'body'))), 'technical_html', missing)) is not missing else environment.getattr(_theme_object, 'technical_html')))) is str else escape_output(_theme_text)),
            '</div>\n',
            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='byline') if l_0_byline is missing else l_0_byline), (_theme_value if (_theme_value := getattr((_theme_object := l_1_update), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author')), l_1_root, l_1_update, l_1_state)) is str else escape_output(_theme_text)),
            '\n</article>',
        ))
        return concat(t_22)
    context.exported_vars.add('update_entry')
    context.vars['update_entry'] = l_0_update_entry = Macro(environment, macro, 'update_entry', ('update', 'root', 'state', 'item'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_change, l_1_state):
        t_23 = []
        l_1_name = missing
        if l_1_change is missing:
            l_1_change = undefined("parameter 'change' was not provided", name='change')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_1_name = ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), (_theme_value if (_theme_value := getattr((_theme_object := l_1_change), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')))), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')) if ((_theme_value if (_theme_value := getattr((_theme_object := l_1_change), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')) in (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components'))) else (_theme_value if (_theme_value := getattr((_theme_object := l_1_change), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')))
        if ((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_change), 'new', missing)) is not missing else environment.getattr(_theme_object, 'new'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')) == 'operational'):
            pass
            t_23.extend((
                '<span class="status s-operational"><span class="icon" aria-hidden="true">',
                (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='icons') if l_0_icons is missing else l_0_icons), 'operational')) is str else escape_output(_theme_text)),
                '</span> ',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='words') if l_0_words is missing else l_0_words)), 'operational_again', missing)) is not missing else environment.getattr(_theme_object, 'operational_again')), (undefined(name='name') if l_1_name is missing else l_1_name))) is str else escape_output(_theme_text)),
                '</span>',
            ))
        else:
            pass
            t_23.extend((
                (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='name') if l_1_name is missing else l_1_name)) is str else escape_output(_theme_text)),
                ': ',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_0_status_label is missing else l_0_status_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_change), 'new', missing)) is not missing else environment.getattr(_theme_object, 'new'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')))) is str else escape_output(_theme_text)),
            ))
        return concat(t_23)
    context.exported_vars.add('component_change')
    context.vars['component_change'] = l_0_component_change = Macro(environment, macro, 'component_change', ('change', 'state'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_component_id, l_1_name, l_1_state):
        t_24 = []
        l_1_days = resolve('days')
        l_1_ngettext = resolve('ngettext')
        if l_1_component_id is missing:
            l_1_component_id = undefined("parameter 'component_id' was not provided", name='component_id')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        if (t_10((_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))) and (l_1_component_id in (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')))):
            pass
            l_1_days = (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), l_1_component_id)), 'days', missing)) is not missing else environment.getattr(_theme_object, 'days'))
            if (undefined(name='days') if l_1_days is missing else l_1_days):
                pass
                t_24.extend((
                    '<ol class="bars" aria-label="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s, daily status from %(first)s to %(last)s') % {'name': l_1_name, 'first': t_4((_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((undefined(name='days') if l_1_days is missing else l_1_days), 0)), 'day', missing)) is not missing else environment.getattr(_theme_object, 'day')), 'medium'), 'last': t_4((_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((undefined(name='days') if l_1_days is missing else l_1_days), -1)), 'day', missing)) is not missing else environment.getattr(_theme_object, 'day')), 'medium')})) is str else escape_output(_theme_text)),
                    '">',
                ))
                for l_2_cell in (undefined(name='days') if l_1_days is missing else l_1_days):
                    _loop_vars = {}
                    pass
                    if t_11((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))):
                        pass
                        t_24.extend((
                            '<li class=dn>',
                            (fast_escape_text(_theme_text) if type(_theme_text := t_8((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'day', missing)) is not missing else environment.getattr(_theme_object, 'day')))) is str else escape_output(_theme_text)),
                            ': not in service',
                        ))
                    else:
                        pass
                        t_24.extend((
                            '<li class=d',
                            (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'value', missing)) is not missing else environment.getattr(_theme_object, 'value'))) is str else escape_output(_theme_text)),
                            '>',
                            (fast_escape_text(_theme_text) if type(_theme_text := t_8((_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'day', missing)) is not missing else environment.getattr(_theme_object, 'day')))) is str else escape_output(_theme_text)),
                            ': ',
                            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_words') if l_0_status_words is missing else l_0_status_words), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status'))), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                        ))
                    if (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')):
                        pass
                        t_24.extend((
                            ', ',
                            (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d minute', '%(num)d minutes', (_theme_value if (_theme_value := getattr((_theme_object := l_2_cell), 'minutes', missing)) is not missing else environment.getattr(_theme_object, 'minutes')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                        ))
                    t_24.append(
                        '</li>',
                    )
                l_2_cell = missing
                t_24.extend((
                    '</ol>\n<p class="axis" aria-hidden="true"><span><span class="long">',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d day ago', '%(num)d days ago', t_3((undefined(name='days') if l_1_days is missing else l_1_days)))) is str else escape_output(_theme_text)),
                    '</span><span class="short">',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d day ago', '%(num)d days ago', 30)) is str else escape_output(_theme_text)),
                    '</span></span><span>Today</span></p>\n',
                ))
        return concat(t_24)
    context.exported_vars.add('day_row')
    context.vars['day_row'] = l_0_day_row = Macro(environment, macro, 'day_row', ('component_id', 'name', 'state'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_overall):
        t_25 = []
        if l_1_overall is missing:
            l_1_overall = undefined("parameter 'overall' was not provided", name='overall')
        pass
        for (l_2_status, l_2_names) in (_theme_value if (_theme_value := getattr((_theme_object := l_1_overall), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')):
            _loop_vars = {}
            pass
            t_25.extend((
                '<li class="s-',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_status), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key'))) is str else escape_output(_theme_text)),
                '"><span class="icon" aria-hidden="true">',
                (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='icons') if l_0_icons is missing else l_0_icons), (_theme_value if (_theme_value := getattr((_theme_object := l_2_status), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')))) is str else escape_output(_theme_text)),
                '</span> ',
                (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='words') if l_0_words is missing else l_0_words)), 'affected', missing)) is not missing else environment.getattr(_theme_object, 'affected')), (_theme_value if (_theme_value := getattr((_theme_object := l_2_status), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), l_2_names, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                '</li>\n',
            ))
        l_2_status = l_2_names = missing
        return concat(t_25)
    context.exported_vars.add('overall_parts')
    context.vars['overall_parts'] = l_0_overall_parts = Macro(environment, macro, 'overall_parts', ('overall',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro():
        t_26 = []
        l_1_config = resolve('config')
        l_1_c = missing
        pass
        l_1_c = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_1_config is missing else l_1_config)), 'contact', missing)) is not missing else environment.getattr(_theme_object, 'contact'))
        if (((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')) or (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'phone', missing)) is not missing else environment.getattr(_theme_object, 'phone'))) or (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))):
            pass
            t_26.append(
                '<aside class="contact" aria-labelledby="contact">\n<h2 id="contact">Questions about this incident?</h2>\n<p>Our support team is there for you:</p>\n<ul>\n',
            )
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')):
                pass
                t_26.extend((
                    '<li>Email: <a href="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'mailto', missing)) is not missing else environment.getattr(_theme_object, 'mailto'))) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email'))) is str else escape_output(_theme_text)),
                    '</a></li>',
                ))
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'phone', missing)) is not missing else environment.getattr(_theme_object, 'phone')):
                pass
                t_26.extend((
                    '<li>Phone: <a href="tel:',
                    (fast_escape_text(_theme_text) if type(_theme_text := t_6(context.eval_ctx, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'phone', missing)) is not missing else environment.getattr(_theme_object, 'phone')), ' ', '')) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'phone', missing)) is not missing else environment.getattr(_theme_object, 'phone'))) is str else escape_output(_theme_text)),
                    '</a></li>',
                ))
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')):
                pass
                t_26.extend((
                    '<li>Web: <a href="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='c') if l_1_c is missing else l_1_c)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                    '</a></li>',
                ))
            t_26.append(
                '</ul>\n</aside>\n',
            )
        return concat(t_26)
    context.exported_vars.add('contact')
    context.vars['contact'] = l_0_contact = Macro(environment, macro, 'contact', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=79&5=85&6=87&8=91&9=97&12=103&13=110&16=121&17=128&20=137&21=144&25=152&26=162&29=182&30=190&33=198&34=208&35=209&38=228&39=238&45=263&46=275&47=279&50=318&51=323&56=333&57=348&58=350&59=357&60=367&61=370&62=392&67=398&68=406&69=407&74=426&75=437&76=439&77=440&78=444&79=447&81=479&86=488&87=493&88=498&92=510&93=515&94=516&99=521&100=530&101=539'