from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'feeds_head.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item = resolve('item')
    l_0_config = resolve('config')
    l_0_root = resolve('root')
    try:
        t_1 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    if (t_1((undefined(name='item') if l_0_item is missing else l_0_item)) and t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component')))):
        pass
        yield '<link rel="alternate" type="application/atom+xml" title="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield ' · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield ' (Atom)" href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.atom')) is str else escape_output(_theme_text))
        yield '">\n<link rel="alternate" type="application/rss+xml" title="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
        yield ' · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield ' (RSS)" href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.xml')) is str else escape_output(_theme_text))
        yield '">\n'
    elif (t_1((undefined(name='item') if l_0_item is missing else l_0_item)) and t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident')))):
        pass
        yield '<link rel="alternate" type="application/atom+xml" title="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield ' · '
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield ' (Atom)" href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.atom')) is str else escape_output(_theme_text))
        yield '">\n'
    yield '<link rel="alternate" type="application/atom+xml" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' (Atom)" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.atom">\n<link rel="alternate" type="application/rss+xml" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' (RSS)" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.xml">\n<link rel="alternate" type="application/feed+json" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ' (JSON Feed)" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.json">\n<link rel="alternate" type="text/calendar" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield ': pemeliharaan" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'maintenance.ics">\n'

blocks = {}
debug_info = '2=21&3=24&4=31&5=38&6=41&8=49&9=53&10=57&11=61'