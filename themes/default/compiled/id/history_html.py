from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'history.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_incident_status = l_0_impact_label = missing
    pass
    parent_template = environment.get_template('base.html', 'history.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('macros.html', 'history.html')._get_default_module(context)
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'history.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_impact_label = getattr(included_template, 'impact_label', missing)
    if l_0_impact_label is missing:
        l_0_impact_label = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'history.html') does not export the requested name 'impact_label'", name='impact_label')
    context.vars.update({'incident_status': l_0_incident_status, 'impact_label': l_0_impact_label})
    context.exported_vars.difference_update(('incident_status', 'impact_label'))
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page_number = resolve('page_number')
    l_0_page_count = resolve('page_count')
    l_0_config = resolve('config')
    pass
    yield 'Riwayat'
    if ((undefined(name='page_number') if l_0_page_number is missing else l_0_page_number) > 1):
        pass
        yield ' · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Halaman %(number)d dari %(count)d') % {'number': (undefined(name='page_number') if l_0_page_number is missing else l_0_page_number), 'count': (undefined(name='page_count') if l_0_page_count is missing else l_0_page_count)})) is str else escape_output(_theme_text))
    yield ' · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page_count = resolve('page_count')
    l_0_page_number = resolve('page_number')
    l_0_months = resolve('months')
    l_0_previous_page = resolve('previous_page')
    l_0_root = resolve('root')
    l_0_next_page = resolve('next_page')
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
        t_4 = environment.filters['skeleton']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'skeleton' found.")
    pass
    yield '<h1>Riwayat</h1>\n<p class="meta">Semua insiden dan pemeliharaan terjadwal, yang terbaru lebih dulu.'
    if ((undefined(name='page_count') if l_0_page_count is missing else l_0_page_count) > 1):
        pass
        yield ' '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Halaman %(number)d dari %(count)d') % {'number': (undefined(name='page_number') if l_0_page_number is missing else l_0_page_number), 'count': (undefined(name='page_count') if l_0_page_count is missing else l_0_page_count)})) is str else escape_output(_theme_text))
    yield '</p>\n'
    t_5 = 1
    for (l_1_month, l_1_entries) in (undefined(name='months') if l_0_months is missing else l_0_months):
        _loop_vars = {}
        pass
        yield '<section class="month" aria-labelledby="m-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'strftime', missing)) is not missing else environment.getattr(_theme_object, 'strftime')), '%Y-%m', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '">\n  <h2 id="m-'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := l_1_month), 'strftime', missing)) is not missing else environment.getattr(_theme_object, 'strftime')), '%Y-%m', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := t_4(l_1_month, 'yMMMM')) is str else escape_output(_theme_text))
        yield '</h2>\n  <ul class="list history">\n'
        for l_2_entry in l_1_entries:
            l_2_inc = resolve('inc')
            l_2_impact_label = resolve('impact_label')
            l_2_incident_status = resolve('incident_status')
            l_2_m = resolve('m')
            _loop_vars = {}
            pass
            if (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident')):
                pass
                l_2_inc = (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))
                _loop_vars['inc'] = l_2_inc
                yield '    <li><a href="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
                yield '</a> <span class="meta">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_2_impact_label is missing else l_2_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield ' '
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_2_incident_status is missing else l_2_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield ' <time datetime="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), 'medium')) is str else escape_output(_theme_text))
                yield '</time> · '
                yield (fast_escape_text(_theme_text) if type(_theme_text := ((Markup('berlangsung %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))}) if (not (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'is_open', missing)) is not missing else environment.getattr(_theme_object, 'is_open'))) else (Markup('terbuka selama %(duration)s') % {'duration': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))}))) is str else escape_output(_theme_text))
                if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'postmortem', missing)) is not missing else environment.getattr(_theme_object, 'postmortem')):
                    pass
                    yield ' · <a href="'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
                    yield '#postmortem">Postmortem<span class="sr"> · '
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='inc') if l_2_inc is missing else l_2_inc)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
                    yield '</span></a>'
                yield '</span></li>\n'
            else:
                pass
                l_2_m = (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))
                _loop_vars['m'] = l_2_m
                yield '    <li><a href="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_2_m is missing else l_2_m)), 'maintenance', missing)) is not missing else environment.getattr(_theme_object, 'maintenance'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
                yield '</a> <span class="meta"><span class="tag">Pemeliharaan</span> '
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_2_incident_status is missing else l_2_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='m') if l_2_m is missing else l_2_m)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield ' <time datetime="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_2((_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')))) is str else escape_output(_theme_text))
                yield '">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := t_3((_theme_value if (_theme_value := getattr((_theme_object := l_2_entry), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), 'medium')) is str else escape_output(_theme_text))
                yield '</time></span></li>\n'
        l_2_entry = l_2_inc = l_2_impact_label = l_2_incident_status = l_2_m = missing
        yield '  </ul>\n</section>\n'
        t_5 = 0
    l_1_month = l_1_entries = missing
    if t_5:
        pass
        yield '<p>Belum ada yang perlu dilaporkan.</p>\n'
    if ((undefined(name='page_count') if l_0_page_count is missing else l_0_page_count) > 1):
        pass
        yield '<nav class="pagination" aria-label="Halaman riwayat">\n'
        if (undefined(name='previous_page') if l_0_previous_page is missing else l_0_previous_page):
            pass
            yield '<a rel="prev" href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='previous_page') if l_0_previous_page is missing else l_0_previous_page)) is str else escape_output(_theme_text))
            yield '">← Lebih baru</a>'
        else:
            pass
            yield '<span></span>'
        yield '  <span>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Halaman %(number)d dari %(count)d') % {'number': (undefined(name='page_number') if l_0_page_number is missing else l_0_page_number), 'count': (undefined(name='page_count') if l_0_page_count is missing else l_0_page_count)})) is str else escape_output(_theme_text))
        yield '</span>\n'
        if (undefined(name='next_page') if l_0_next_page is missing else l_0_next_page):
            pass
            yield '<a rel="next" href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='next_page') if l_0_next_page is missing else l_0_next_page)) is str else escape_output(_theme_text))
            yield '">Lebih lama →</a>'
        else:
            pass
            yield '<span></span>'
        yield '</nav>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=14&2=17&3=28&4=47&6=86&7=92&8=96&9=98&11=102&12=109&13=111&14=114&16=139&17=142&25=160&27=163&28=173&29=175'