from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'component_uptime.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_state = resolve('state')
    l_0_item = resolve('item')
    l_0_root = resolve('root')
    l_0_component_uptime = l_0_cu = missing
    pass
    included_template = environment.get_template('uptime_macros.html', 'component_uptime.html')._get_default_module(context)
    l_0_component_uptime = getattr(included_template, 'component_uptime', missing)
    if l_0_component_uptime is missing:
        l_0_component_uptime = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'component_uptime.html') does not export the requested name 'component_uptime'", name='component_uptime')
    context.vars['component_uptime'] = l_0_component_uptime
    context.exported_vars.discard('component_uptime')
    l_0_cu = environment.getitem((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'uptime', missing)) is not missing else environment.getattr(_theme_object, 'uptime'))), 'components', missing)) is not missing else environment.getattr(_theme_object, 'components')), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')))
    context.vars['cu'] = l_0_cu
    context.exported_vars.add('cu')
    yield '<link rel="stylesheet" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'static/uptime.css">\n<section class="uptime" aria-labelledby="uptime-heading">\n<h2 id="uptime-heading">Uptime</h2>\n'
    yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='component_uptime') if l_0_component_uptime is missing else l_0_component_uptime), (undefined(name='cu') if l_0_cu is missing else l_0_cu), 3)) is str else escape_output(_theme_text))
    yield '\n<p><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'uptime/">Uptime of every component, and how we handle incidents</a></p>\n</section>\n'

blocks = {}
debug_info = '2=16&3=22&4=26&7=28&8=30'