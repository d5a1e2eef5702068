from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'author.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_incident_status = l_0_when = l_0_update_statuses = missing
    pass
    parent_template = environment.get_template('base.html', 'author.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('macros.html', 'author.html')._get_default_module(context)
    l_0_incident_status = getattr(included_template, 'incident_status', missing)
    if l_0_incident_status is missing:
        l_0_incident_status = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'author.html') does not export the requested name 'incident_status'", name='incident_status')
    l_0_when = getattr(included_template, 'when', missing)
    if l_0_when is missing:
        l_0_when = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'author.html') does not export the requested name 'when'", name='when')
    context.vars.update({'incident_status': l_0_incident_status, 'when': l_0_when})
    context.exported_vars.difference_update(('incident_status', 'when'))
    included_template = environment.get_template('words.html', 'author.html')._get_default_module(context)
    l_0_update_statuses = getattr(included_template, 'update_statuses', missing)
    if l_0_update_statuses is missing:
        l_0_update_statuses = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'author.html') does not export the requested name 'update_statuses'", name='update_statuses')
    context.vars['update_statuses'] = l_0_update_statuses
    context.exported_vars.discard('update_statuses')
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
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
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
    l_0_signed_groups = resolve('signed_groups')
    pass
    yield '<article class="h-card person">\n  <h1 class="p-name">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
    yield '</h1>\n  <p class="p-job-title role">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'role', missing)) is not missing else environment.getattr(_theme_object, 'role'))) is str else escape_output(_theme_text))
    yield '</p>\n  <p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('%(name)s menandatangani pembaruan di halaman ini atas namanya sendiri. Hubungi langsung tentang apa pun yang ditandatanganinya.') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))})) is str else escape_output(_theme_text))
    yield '</p>\n'
    if ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')) or (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))):
        pass
        yield '  <ul class="reach">\n'
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')):
            pass
            yield '<li>Email: <a class="u-email" href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'mailto', missing)) is not missing else environment.getattr(_theme_object, 'mailto'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email'))) is str else escape_output(_theme_text))
            yield '</a></li>'
        if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')):
            pass
            yield '<li>Web: <a class="u-url" href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '</a></li>'
        yield '  </ul>\n'
    yield '</article>\n'
    template = environment.get_template('author_keys.html', 'author.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<section aria-labelledby="signed">\n<h2 id="signed">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Semua yang ditandatangani %(name)s') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))})) is str else escape_output(_theme_text))
    yield '</h2>\n'
    l_1_loop = missing
    t_1 = 1
    for l_1_group, l_1_loop in LoopContext((undefined(name='signed_groups') if l_0_signed_groups is missing else l_0_signed_groups), undefined):
        l_1_root = resolve('root')
        l_1_parent = missing
        _loop_vars = {}
        pass
        l_1_parent = markup_join(((undefined(name='root') if l_1_root is missing else l_1_root), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'parent', missing)) is not missing else environment.getattr(_theme_object, 'parent'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url')), ))
        _loop_vars['parent'] = l_1_parent
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'first', missing)) is not missing else environment.getattr(_theme_object, 'first')):
            pass
            yield '<ul class="list signed">'
        yield '<li><a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='parent') if l_1_parent is missing else l_1_parent)) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'parent_title', missing)) is not missing else environment.getattr(_theme_object, 'parent_title'))) is str else escape_output(_theme_text))
        yield '</a><ul>'
        for l_2_s in (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'items', missing)) is not missing else environment.getattr(_theme_object, 'items')):
            l_2_update_statuses = resolve('update_statuses')
            l_2_when = resolve('when')
            l_2_incident_status = resolve('incident_status')
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='parent') if l_1_parent is missing else l_1_parent)) is str else escape_output(_theme_text))
            yield '#'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'anchor', missing)) is not missing else environment.getattr(_theme_object, 'anchor'))) is str else escape_output(_theme_text))
            yield '">'
            if ((_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')) == 'postmortem'):
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='update_statuses') if l_2_update_statuses is missing else l_2_update_statuses), 'postmortem')) is str else escape_output(_theme_text))
                if (_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')):
                    pass
                    yield ' '
                    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_2_when is missing else l_2_when), (_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            else:
                pass
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='incident_status') if l_2_incident_status is missing else l_2_incident_status), (_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'status', missing)) is not missing else environment.getattr(_theme_object, 'status')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
                yield ' '
                yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='when') if l_2_when is missing else l_2_when), (_theme_value if (_theme_value := getattr((_theme_object := l_2_s), 'at', missing)) is not missing else environment.getattr(_theme_object, 'at')), _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '</a></li>\n'
        l_2_s = l_2_update_statuses = l_2_when = l_2_incident_status = missing
        yield '</ul></li>'
        if (_theme_value if (_theme_value := getattr((_theme_object := l_1_loop), 'last', missing)) is not missing else environment.getattr(_theme_object, 'last')):
            pass
            yield '</ul>'
        t_1 = 0
    l_1_loop = l_1_group = l_1_root = l_1_parent = missing
    if t_1:
        pass
        yield '<p>Belum ada yang ditandatangani.</p>\n'
    yield '</section>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=14&2=17&3=26&4=34&5=48&7=59&8=61&9=63&10=65&12=68&13=75&17=84&19=91&20=95&21=100&22=102&23=106&24=117&25=136'