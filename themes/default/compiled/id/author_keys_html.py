from generator.render.templating import escape_output
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
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'signing_keys'):
        pass
        yield '<section class="signing-keys" aria-labelledby="signing-keys">\n  <h2 id="signing-keys">Kunci penandatanganan</h2>\n  <p>'
        yield escape_output((Markup('Tanda tangan %(name)s terverifikasi bila commit yang menulisnya ditandatangani dengan salah satu kunci ini.') % {'name': environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'name')}))
        yield '</p>\n  <ul>\n'
        for (l_1_text, l_1_key) in environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'public_keys'):
            _loop_vars = {}
            pass
            if l_1_key:
                pass
                yield '    <li><code class="fingerprint">'
                yield escape_output(environment.getattr(l_1_key, 'fingerprint'))
                yield '</code> '
                yield escape_output(environment.getattr(l_1_key, 'kind'))
                if environment.getattr(l_1_key, 'comment'):
                    pass
                    yield ' ('
                    yield escape_output(environment.getattr(l_1_key, 'comment'))
                    yield ')'
                yield '      <details><summary>Kunci publik</summary><code class="public-key">'
                yield escape_output(environment.getattr(l_1_key, 'line'))
                yield '</code></details></li>\n'
            else:
                pass
                yield '    <li>Bukan kunci publik SSH yang dapat dibaca: <code class="public-key">'
                yield escape_output(l_1_text)
                yield '</code></li>\n'
        l_1_text = l_1_key = missing
        yield '  </ul>\n</section>\n'

blocks = {}
debug_info = '3=13&6=16&8=18&9=21&10=24&11=33&13=38'