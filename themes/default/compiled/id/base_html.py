from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_config = resolve('config')
    l_0_content_security_policy = resolve('content_security_policy')
    l_0_root = resolve('root')
    l_0_home = resolve('home')
    l_0_path = resolve('path')
    l_0_history = resolve('history')
    l_0_state = resolve('state')
    try:
        t_1 = environment.filters['utc']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'utc' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'language', missing)) is not missing else environment.getattr(_theme_object, 'language'))) is str else escape_output(_theme_text))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='content_security_policy') if l_0_content_security_policy is missing else l_0_content_security_policy)) is str else escape_output(_theme_text))
    yield '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'description', missing)) is not missing else environment.getattr(_theme_object, 'description')):
        pass
        yield '<meta name="description" content="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'description', missing)) is not missing else environment.getattr(_theme_object, 'description'))) is str else escape_output(_theme_text))
        yield '">'
    yield '<meta name="color-scheme" content="light dark">\n<link rel="stylesheet" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'static/style.css">\n<link rel="icon" href="data:,">\n'
    template = environment.get_template('feeds_head.html', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body>\n<a class="skip" href="#main">Langsung ke konten</a>\n<header class="site">\n  <a class="brand" href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='home') if l_0_home is missing else l_0_home)) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '</a>\n  <nav aria-label="Situs">\n    <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='home') if l_0_home is missing else l_0_home)) is str else escape_output(_theme_text))
    yield '"'
    if ((undefined(name='path') if l_0_path is missing else l_0_path) == 'index.html'):
        pass
        yield ' aria-current="page"'
    yield '>Status</a>\n    <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='history') if l_0_history is missing else l_0_history)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '"'
    if context.call((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='path') if l_0_path is missing else l_0_path)), 'startswith', missing)) is not missing else environment.getattr(_theme_object, 'startswith')), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='history') if l_0_history is missing else l_0_history)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))):
        pass
        yield ' aria-current="page"'
    yield '>Riwayat</a>\n    <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'uptime/"'
    if ((undefined(name='path') if l_0_path is missing else l_0_path) == 'uptime/index.html'):
        pass
        yield ' aria-current="page"'
    yield '>Uptime</a>\n'
    for l_1_page in (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'site', missing)) is not missing else environment.getattr(_theme_object, 'site'))), 'pages', missing)) is not missing else environment.getattr(_theme_object, 'pages')):
        _loop_vars = {}
        pass
        yield '<a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_page), 'slug', missing)) is not missing else environment.getattr(_theme_object, 'slug'))) is str else escape_output(_theme_text))
        yield '/"'
        if ((undefined(name='path') if l_0_path is missing else l_0_path) == markup_join(((_theme_value if (_theme_value := getattr((_theme_object := l_1_page), 'slug', missing)) is not missing else environment.getattr(_theme_object, 'slug')), '/index.html', ))):
            pass
            yield ' aria-current="page"'
        yield '>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_page), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
        yield '</a>'
    l_1_page = missing
    yield '    <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'subscribe/"'
    if ((undefined(name='path') if l_0_path is missing else l_0_path) == 'subscribe/index.html'):
        pass
        yield ' aria-current="page"'
    yield '>Berlangganan</a>\n  </nav>\n</header>\n<main id="main">\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n<footer class="site">\n  <p>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Diperbarui %(time)s') % {'time': t_1((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'now', missing)) is not missing else environment.getattr(_theme_object, 'now')))})) is str else escape_output(_theme_text))
    yield '</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'contact', missing)) is not missing else environment.getattr(_theme_object, 'contact'))), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email')):
        pass
        yield '<p>Kontak: <a href="'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'contact', missing)) is not missing else environment.getattr(_theme_object, 'contact'))), 'mailto', missing)) is not missing else environment.getattr(_theme_object, 'mailto'))) is str else escape_output(_theme_text))
        yield '">'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'contact', missing)) is not missing else environment.getattr(_theme_object, 'contact'))), 'email', missing)) is not missing else environment.getattr(_theme_object, 'email'))) is str else escape_output(_theme_text))
        yield '</a></p>'
    yield '</footer>\n</body>\n</html>\n'

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    pass
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'title': block_title, 'head': block_head, 'main': block_main}
debug_info = '2=26&5=28&7=30&8=32&10=38&12=40&13=46&18=48&20=52&21=58&22=65&23=71&24=86&28=92&31=94&32=96&7=105&13=116&28=125'