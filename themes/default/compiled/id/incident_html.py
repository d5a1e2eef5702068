from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'incident.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_item = resolve('item')
    l_0_signature = l_0_icons = l_0_status_label = l_0_incident_status = l_0_impact_label = l_0_byline = l_0_when = l_0_details = l_0_update_entry = l_0_author_link = l_0_contact = l_0_incident = missing
    pass
    parent_template = environment.get_template('base.html', 'incident.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('byline_signature.html', 'incident.html')._get_default_module(context)
    l_0_signature = getattr(included_template, 'signature', missing)
    if l_0_signature is missing:
        l_0_signature = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'incident.html') does not export the requested name 'signature'", name='signature')
    context.vars['signature'] = l_0_signature
    context.exported_vars.discard('signature')
    included_template = environment.get_template('macros.html', 'incident.html')._get_default_module(context)
    l_0_icons = getattr(included_template, 'icons', missing)
    if l_0_icons is missing:
        l_0_icons = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'icons'", name='icons')
    l_0_status_label = getattr(included_template, 'status_label', missing)
    if l_0_status_label is missing:
        l_0_status_label = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'status_label'", name='status_label')
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_impact_label = getattr(included_template, 'impact_label', missing)
    if l_0_impact_label is missing:
        l_0_impact_label = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'impact_label'", name='impact_label')
    l_0_byline = getattr(included_template, 'byline', missing)
    if l_0_byline is missing:
        l_0_byline = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'byline'", name='byline')
    l_0_when = getattr(included_template, 'when', missing)
    if l_0_when is missing:
        l_0_when = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'when'", name='when')
    l_0_details = getattr(included_template, 'details', missing)
    if l_0_details is missing:
        l_0_details = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'details'", name='details')
    l_0_update_entry = getattr(included_template, 'update_entry', missing)
    if l_0_update_entry is missing:
        l_0_update_entry = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'update_entry'", name='update_entry')
    l_0_author_link = getattr(included_template, 'author_link', missing)
    if l_0_author_link is missing:
        l_0_author_link = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'author_link'", name='author_link')
    l_0_contact = getattr(included_template, 'contact', missing)
    if l_0_contact is missing:
        l_0_contact = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'incident.html') does not export the requested name 'contact'", name='contact')
    context.vars.update({'icons': l_0_icons, 'status_label': l_0_status_label, 'incident_status': l_0_incident_status, 'impact_label': l_0_impact_label, 'byline': l_0_byline, 'when': l_0_when, 'details': l_0_details, 'update_entry': l_0_update_entry, 'author_link': l_0_author_link, 'contact': l_0_contact})
    context.exported_vars.difference_update(('icons', 'status_label', 'incident_status', 'impact_label', 'byline', 'when', 'details', 'update_entry', 'author_link', 'contact'))
    l_0_incident = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))
    context.vars['incident'] = l_0_incident
    context.exported_vars.add('incident')
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_incident = resolve('incident')
    l_0_config = resolve('config')
    pass
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    l_0_incident = resolve('incident')
    l_0_signers = resolve('signers')
    l_0_page_url = l_0_people = missing
    try:
        t_1 = environment.filters['iso']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'iso' found.")
    try:
        t_2 = environment.filters['striptags']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'striptags' found.")
    try:
        t_3 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    l_0_page_url = markup_join(((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')), ))
    _block_vars['page_url'] = l_0_page_url
    l_0_people = []
    _block_vars['people'] = l_0_people
    for l_1_author in (undefined(name='signers') if l_0_signers is missing else l_0_signers):
        _loop_vars = {}
        pass
        if context.call((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='people') if l_0_people is missing else l_0_people)), 'append', missing)) is not missing else environment.getattr(_theme_object, 'append')), {'@type': 'Person', 'name': (_theme_value if (_theme_value := getattr((_theme_object := l_1_author), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name')), 'jobTitle': (_theme_value if (_theme_value := getattr((_theme_object := l_1_author), 'role', missing)) is not missing else environment.getattr(_theme_object, 'role')), 'url': markup_join(((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_author), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')), ))}, _loop_vars=_loop_vars):
            pass
    l_1_author = missing
    yield '<script type="application/ld+json">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_3(context.eval_ctx, {'@context': 'https://schema.org', '@type': 'Report', 'headline': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title')), 'description': t_2((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'summary', missing)) is not missing else environment.getattr(_theme_object, 'summary'))), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html'))), 'url': (undefined(name='page_url') if l_0_page_url is missing else l_0_page_url), 'mainEntityOfPage': (undefined(name='page_url') if l_0_page_url is missing else l_0_page_url), 'inLanguage': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'language', missing)) is not missing else environment.getattr(_theme_object, 'language')), 'datePublished': t_1((_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'updates', missing)) is not missing else environment.getattr(_theme_object, 'updates')), 0)), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at'))), 'dateModified': t_1((_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'updates', missing)) is not missing else environment.getattr(_theme_object, 'updates')), -1)), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at'))), 'author': (undefined(name='people') if l_0_people is missing else l_0_people), 'publisher': {'@type': 'Organization', 'name': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title')), 'url': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url'))}})) is str else escape_output(_theme_text))
    yield '</script>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_incident = resolve('incident')
    l_0_impact_label = resolve('impact_label')
    l_0_incident_status = resolve('incident_status')
    l_0_item = resolve('item')
    l_0_when = resolve('when')
    l_0_state = resolve('state')
    l_0_signature = resolve('signature')
    l_0_root = resolve('root')
    l_0_details = resolve('details')
    l_0_pm = resolve('pm')
    l_0_byline = resolve('byline')
    l_0_contact = resolve('contact')
    l_0_postmortem_due = missing
    try:
        t_4 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_5 = environment.filters['local_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'local_date' found.")
    try:
        t_6 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    try:
        t_7 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<article class="incident h-entry">\n  <h1 class="p-name">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '</h1>\n  <p class="tags">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='impact_label') if l_0_impact_label is missing else l_0_impact_label), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'impact', missing)) is not missing else environment.getattr(_theme_object, 'impact')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield ' '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_0_incident_status is missing else l_0_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'eta', missing)) is not missing else environment.getattr(_theme_object, 'eta')):
        pass
        yield '<p class="eta'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (' overdue' if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'eta_overdue', missing)) is not missing else environment.getattr(_theme_object, 'eta_overdue')) else cond_expr_undefined("the inline if-expression on line 30 in 'incident.html' evaluated to false and no else section was defined."))) is str else escape_output(_theme_text))
        yield '"><strong>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Pembaruan berikutnya seharusnya paling lambat') if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'eta_overdue', missing)) is not missing else environment.getattr(_theme_object, 'eta_overdue')) else Markup('Pembaruan berikutnya paling lambat'))) is str else escape_output(_theme_text))
        yield '</strong> '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'eta', missing)) is not missing else environment.getattr(_theme_object, 'eta')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '</p>'
    l_0_postmortem_due = context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'postmortem_due', missing)) is not missing else environment.getattr(_theme_object, 'postmortem_due')), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'slug', missing)) is not missing else environment.getattr(_theme_object, 'slug')), _block_vars=_block_vars)
    _block_vars['postmortem_due'] = l_0_postmortem_due
    if (undefined(name='postmortem_due') if l_0_postmortem_due is missing else l_0_postmortem_due):
        pass
        yield '<p class="eta overdue"><strong>Postmortem jatuh tempo sejak</strong> '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (undefined(name='postmortem_due') if l_0_postmortem_due is missing else l_0_postmortem_due), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '</p>'
    yield '  <div class="summary p-summary">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_7((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'summary', missing)) is not missing else environment.getattr(_theme_object, 'summary'))), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html')))) is str else escape_output(_theme_text))
    yield '</div>\n'
    if context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'bylines', missing)) is not missing else environment.getattr(_theme_object, 'bylines'))), 'of', missing)) is not missing else environment.getattr(_theme_object, 'of')), (undefined(name='incident') if l_0_incident is missing else l_0_incident), _block_vars=_block_vars):
        pass
        yield '<p class="byline header-proof">Rincian dan ringkasan'
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), (undefined(name='incident') if l_0_incident is missing else l_0_incident), None, None, (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '</p>'
    yield '  <dl class="facts">\n    <dt>Komponen terdampak</dt>\n    <dd><ul>'
    for (l_1_cid, l_1_cstatus) in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'affected', missing)) is not missing else environment.getattr(_theme_object, 'affected')):
        l_1_status_label = resolve('status_label')
        _loop_vars = {}
        pass
        yield '<li>'
        if (l_1_cid in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components'))):
            pass
            yield '<a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), l_1_cid)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), l_1_cid)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</a>'
        else:
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := l_1_cid) is str else escape_output(_theme_text))
        yield ': '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='status_label') if l_1_status_label is missing else l_1_status_label), (_theme_value if (_theme_value := getattr((_theme_object := l_1_cstatus), 'key', missing)) is not missing else environment.getattr(_theme_object, 'key')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        yield '</li>'
    l_1_cid = l_1_cstatus = l_1_status_label = missing
    yield '</ul></dd>\n    <dt>Dimulai</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'started', missing)) is not missing else environment.getattr(_theme_object, 'started')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '</dd>\n    <dt>Selesai</dt><dd>'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'resolved_at', missing)) is not missing else environment.getattr(_theme_object, 'resolved_at')):
        pass
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'resolved_at', missing)) is not missing else environment.getattr(_theme_object, 'resolved_at')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    else:
        pass
        yield 'Belum, insiden ini masih terbuka'
    yield '</dd>\n    <dt>Durasi</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_4((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'duration', missing)) is not missing else environment.getattr(_theme_object, 'duration')))) is str else escape_output(_theme_text))
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'is_open', missing)) is not missing else environment.getattr(_theme_object, 'is_open')):
        pass
        yield ' sejauh ini'
    yield '</dd>\n    <dt>Pembaruan publik pertama</dt><dd>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(duration)s setelah dimulai') % {'duration': t_4((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'first_update_delay', missing)) is not missing else environment.getattr(_theme_object, 'first_update_delay')))})) is str else escape_output(_theme_text))
    yield '</dd>\n  </dl>\n  '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='details') if l_0_details is missing else l_0_details), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'summary', missing)) is not missing else environment.getattr(_theme_object, 'summary'))), 'technical_html', missing)) is not missing else environment.getattr(_theme_object, 'technical_html')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '\n  <section aria-labelledby="timeline">\n    <h2 id="timeline">Pembaruan</h2>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'is_open', missing)) is not missing else environment.getattr(_theme_object, 'is_open')):
        pass
        yield '    <p class="note">Yang terbaru lebih dulu selama insiden ini masih terbuka.</p>\n    <div class="timeline">'
        for l_1_update in t_6((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'updates', missing)) is not missing else environment.getattr(_theme_object, 'updates'))):
            l_1_update_entry = resolve('update_entry')
            _loop_vars = {}
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='update_entry') if l_1_update_entry is missing else l_1_update_entry), l_1_update, (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), (undefined(name='item') if l_0_item is missing else l_0_item), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_update = l_1_update_entry = missing
        yield '</div>\n'
    else:
        pass
        yield '    <p class="note">Yang terlama lebih dulu, dari laporan pertama hingga penyelesaian.</p>\n    <div class="timeline">'
        for l_1_update in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'updates', missing)) is not missing else environment.getattr(_theme_object, 'updates')):
            l_1_update_entry = resolve('update_entry')
            _loop_vars = {}
            pass
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='update_entry') if l_1_update_entry is missing else l_1_update_entry), l_1_update, (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), (undefined(name='item') if l_0_item is missing else l_0_item), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
        l_1_update = l_1_update_entry = missing
        yield '</div>\n'
    yield '  </section>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'postmortem', missing)) is not missing else environment.getattr(_theme_object, 'postmortem')):
        pass
        l_0_pm = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'postmortem', missing)) is not missing else environment.getattr(_theme_object, 'postmortem'))
        _block_vars['pm'] = l_0_pm
        yield '  <section class="postmortem" id="postmortem" aria-labelledby="postmortem-heading">\n    <h2 id="postmortem-heading">Postmortem</h2>\n'
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')):
            pass
            yield '<p class="meta">Diterbitkan '
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_0_when is missing else l_0_when), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
            yield '</p>'
        for l_1_part in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'parts', missing)) is not missing else environment.getattr(_theme_object, 'parts')):
            _loop_vars = {}
            pass
            yield '    <section class="q" id="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text))
            yield '"'
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title')):
                pass
                yield ' aria-labelledby="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text))
                yield '-h"'
            yield '>\n'
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title')):
                pass
                yield '<h3 id="'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text))
                yield '-h">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
                yield '</h3>'
            yield '      '
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_7((_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'html', missing)) is not missing else environment.getattr(_theme_object, 'html')))) is str else escape_output(_theme_text))
            yield '\n'
            if (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'has_actions', missing)) is not missing else environment.getattr(_theme_object, 'has_actions')):
                pass
                yield '      <h4 class="sr">Tindak lanjut</h4>\n      <ul class="actions">\n'
                for l_2_action in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'action_items', missing)) is not missing else environment.getattr(_theme_object, 'action_items')):
                    l_2_author_link = resolve('author_link')
                    _loop_vars = {}
                    pass
                    yield '        <li class="'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := ('done' if (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'done', missing)) is not missing else environment.getattr(_theme_object, 'done')) else 'todo')) is str else escape_output(_theme_text))
                    yield '"><span class="icon" aria-hidden="true">'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := ('✓' if (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'done', missing)) is not missing else environment.getattr(_theme_object, 'done')) else '○')) is str else escape_output(_theme_text))
                    yield '</span><div><strong>'
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Selesai') if (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'done', missing)) is not missing else environment.getattr(_theme_object, 'done')) else Markup('Terbuka'))) is str else escape_output(_theme_text))
                    yield ':</strong> '
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'text', missing)) is not missing else environment.getattr(_theme_object, 'text'))) is str else escape_output(_theme_text))
                    yield '\n'
                    if ((_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')) or (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due'))):
                        pass
                        yield '<br><span class="meta">'
                        if (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')):
                            pass
                            yield 'Penanggung jawab: '
                            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='author_link') if l_2_author_link is missing else l_2_author_link), (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='state') if l_0_state is missing else l_0_state), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                        if ((_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'owner', missing)) is not missing else environment.getattr(_theme_object, 'owner')) and (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due'))):
                            pass
                            yield ' · '
                        if (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')):
                            pass
                            yield 'Tenggat: <time datetime="'
                            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due'))), 'isoformat', missing)) is not missing else environment.getattr(_theme_object, 'isoformat')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                            yield '">'
                            yield (fast_escape_text(_theme_text) if type(_theme_text := t_5((_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'due', missing)) is not missing else environment.getattr(_theme_object, 'due')), 'medium')) is str else escape_output(_theme_text))
                            yield '</time>'
                            if (((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='incident') if l_0_incident is missing else l_0_incident)), 'slug', missing)) is not missing else environment.getattr(_theme_object, 'slug')), (_theme_value if (_theme_value := getattr((_theme_object := l_2_action), 'line', missing)) is not missing else environment.getattr(_theme_object, 'line'))) in (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'overdue_action_keys', missing)) is not missing else environment.getattr(_theme_object, 'overdue_action_keys'))):
                                pass
                                yield ' <strong class="late">terlambat</strong>'
                        yield '</span>'
                    yield '</div></li>\n'
                l_2_action = l_2_author_link = missing
                yield '      </ul>\n'
                if (_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'after_html', missing)) is not missing else environment.getattr(_theme_object, 'after_html')):
                    pass
                    yield (fast_escape_text(_theme_text) if type(_theme_text := t_7((_theme_value if (_theme_value := getattr((_theme_object := l_1_part), 'after_html', missing)) is not missing else environment.getattr(_theme_object, 'after_html')))) is str else escape_output(_theme_text))
            yield '    </section>\n'
        l_1_part = missing
        yield '    '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='details') if l_0_details is missing else l_0_details), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'body', missing)) is not missing else environment.getattr(_theme_object, 'body'))), 'technical_html', missing)) is not missing else environment.getattr(_theme_object, 'technical_html')), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '\n    '
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='byline') if l_0_byline is missing else l_0_byline), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='pm') if l_0_pm is missing else l_0_pm)), 'author', missing)) is not missing else environment.getattr(_theme_object, 'author')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='pm') if l_0_pm is missing else l_0_pm), (undefined(name='state') if l_0_state is missing else l_0_state), _block_vars=_block_vars)) is str else escape_output(_theme_text))
        yield '\n  </section>\n'
    yield '  '
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='contact') if l_0_contact is missing else l_0_contact), _block_vars=_block_vars)) is str else escape_output(_theme_text))
    yield '\n</article>\n'

blocks = {'title': block_title, 'head': block_head, 'main': block_main}
debug_info = '1=15&2=18&3=24&4=57&5=62&6=76&7=106&8=108&9=110&10=113&24=117&26=120&28=166&29=168&30=172&31=181&32=183&33=189&34=191&37=197&38=218&39=220&40=227&41=232&43=234&46=236&48=239&51=249&54=257&55=259&58=262&59=267&60=271&61=279&62=287&63=289&66=292&67=297&68=305&71=329&75=335&76=337&79=340'