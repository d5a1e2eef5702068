from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'author_keys.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item = resolve('item')
    pass
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'signing_keys', missing)) is not missing else environment.getattr(_theme_object, 'signing_keys')):
        pass
        yield '<section class="signing-keys" aria-labelledby="signing-keys">\n  <h2 id="signing-keys">Kunci penandatanganan</h2>\n  <p>'
        yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Tanda tangan %(name)s terverifikasi bila commit yang menulisnya ditandatangani dengan salah satu kunci ini.') % {'name': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))})) is str else escape_output(_theme_text))
        yield '</p>\n  <ul>\n'
        for (l_1_text, l_1_key) in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='item') if l_0_item is missing else l_0_item)), 'public_keys', missing)) is not missing else environment.getattr(_theme_object, 'public_keys')):
            _loop_vars = {}
            pass
            if l_1_key:
                pass
                yield '    <li><code class="fingerprint">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_key), 'fingerprint', missing)) is not missing else environment.getattr(_theme_object, 'fingerprint'))) is str else escape_output(_theme_text))
                yield '</code> '
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_key), 'kind', missing)) is not missing else environment.getattr(_theme_object, 'kind'))) is str else escape_output(_theme_text))
                if (_theme_value if (_theme_value := getattr((_theme_object := l_1_key), 'comment', missing)) is not missing else environment.getattr(_theme_object, 'comment')):
                    pass
                    yield ' ('
                    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_key), 'comment', missing)) is not missing else environment.getattr(_theme_object, 'comment'))) is str else escape_output(_theme_text))
                    yield ')'
                yield '      <details><summary>Kunci publik</summary><code class="public-key">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_key), 'line', missing)) is not missing else environment.getattr(_theme_object, 'line'))) is str else escape_output(_theme_text))
                yield '</code></details></li>\n'
            else:
                pass
                yield '    <li>Bukan kunci publik SSH yang dapat dibaca: <code class="public-key">'
                yield (fast_escape_text(_theme_text) if type(_theme_text := l_1_text) is str else escape_output(_theme_text))
                yield '</code></li>\n'
        l_1_text = l_1_key = missing
        yield '  </ul>\n</section>\n'

blocks = {}
debug_info = '3=13&6=16&8=18&9=21&10=24&11=33&13=38'