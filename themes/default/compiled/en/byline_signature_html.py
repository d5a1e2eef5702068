from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'byline_signature.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_signature_icons = l_0_state_words = l_0_author_name = l_0_signature = missing
    pass
    l_0_signature_icons = {'verified': '✓', 'other': '⚠', 'unknown': '?', 'bad': '✕', 'unsigned': '○', 'uncommitted': '✎'}
    context.vars['signature_icons'] = l_0_signature_icons
    context.exported_vars.add('signature_icons')
    def macro(l_1_state):
        t_1 = []
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        if (l_1_state == 'unknown'):
            pass
            t_1.append(
                'Signed by an unknown key',
            )
        elif (l_1_state == 'bad'):
            pass
            t_1.append(
                'Signature does not match its commit',
            )
        elif (l_1_state == 'unsigned'):
            pass
            t_1.append(
                'Not signed',
            )
        else:
            pass
            t_1.append(
                'Not committed yet',
            )
        return concat(t_1)
    context.exported_vars.add('state_words')
    context.vars['state_words'] = l_0_state_words = Macro(environment, macro, 'state_words', ('state',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_author_id, l_1_root, l_1_state):
        t_2 = []
        l_1_found = missing
        if l_1_author_id is missing:
            l_1_author_id = undefined("parameter 'author_id' was not provided", name='author_id')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_1_found = (context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'bylines', missing)) is not missing else environment.getattr(_theme_object, 'bylines'))), 'authors', missing)) is not missing else environment.getattr(_theme_object, 'authors'))), 'get', missing)) is not missing else environment.getattr(_theme_object, 'get')), l_1_author_id) or context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'authors', missing)) is not missing else environment.getattr(_theme_object, 'authors'))), 'get', missing)) is not missing else environment.getattr(_theme_object, 'get')), l_1_author_id))
        if (undefined(name='found') if l_1_found is missing else l_1_found):
            pass
            t_2.extend((
                '<a href="',
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_root) is str else escape_output(_theme_text)),
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='found') if l_1_found is missing else l_1_found)), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text)),
                '">',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='found') if l_1_found is missing else l_1_found)), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text)),
                '</a>',
            ))
        else:
            pass
            t_2.append(
                (fast_escape_text(_theme_text) if type(_theme_text := l_1_author_id) is str else escape_output(_theme_text)),
            )
        return concat(t_2)
    context.exported_vars.add('author_name')
    context.vars['author_name'] = l_0_author_name = Macro(environment, macro, 'author_name', ('author_id', 'root', 'state'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_signed, l_1_author_id, l_1_author, l_1_root, l_1_state):
        t_3 = []
        l_1_proof = missing
        if l_1_signed is missing:
            l_1_signed = undefined("parameter 'signed' was not provided", name='signed')
        if l_1_author_id is missing:
            l_1_author_id = undefined("parameter 'author_id' was not provided", name='author_id')
        if l_1_author is missing:
            l_1_author = undefined("parameter 'author' was not provided", name='author')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_state is missing:
            l_1_state = undefined("parameter 'state' was not provided", name='state')
        pass
        l_1_proof = context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_state), 'bylines', missing)) is not missing else environment.getattr(_theme_object, 'bylines'))), 'of', missing)) is not missing else environment.getattr(_theme_object, 'of')), l_1_signed)
        if (undefined(name='proof') if l_1_proof is missing else l_1_proof):
            pass
            t_3.extend((
                ' <span class="signature sig-',
                (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'state', missing)) is not missing else environment.getattr(_theme_object, 'state'))) is str else escape_output(_theme_text)),
                '"><span class="icon" aria-hidden="true">',
                (fast_escape_text(_theme_text) if type(_theme_text := environment.getitem((undefined(name='signature_icons') if l_0_signature_icons is missing else l_0_signature_icons), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'state', missing)) is not missing else environment.getattr(_theme_object, 'state')))) is str else escape_output(_theme_text)),
                '</span> ',
            ))
            if ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'state', missing)) is not missing else environment.getattr(_theme_object, 'state')) == 'verified'):
                pass
                t_3.append(
                    'Verified signature',
                )
                if ((not l_1_author_id) and (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'signer', missing)) is not missing else environment.getattr(_theme_object, 'signer'))):
                    pass
                    t_3.extend((
                        ': ',
                        (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='author_name') if l_0_author_name is missing else l_0_author_name), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'signer', missing)) is not missing else environment.getattr(_theme_object, 'signer')), l_1_root, l_1_state)) is str else escape_output(_theme_text)),
                    ))
            elif ((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'state', missing)) is not missing else environment.getattr(_theme_object, 'state')) == 'other'):
                pass
                t_3.extend((
                    'Signed by someone else: ',
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='author_name') if l_0_author_name is missing else l_0_author_name), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'signer', missing)) is not missing else environment.getattr(_theme_object, 'signer')), l_1_root, l_1_state)) is str else escape_output(_theme_text)),
                ))
            else:
                pass
                t_3.append(
                    (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='state_words') if l_0_state_words is missing else l_0_state_words), (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'state', missing)) is not missing else environment.getattr(_theme_object, 'state')))) is str else escape_output(_theme_text)),
                )
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'commit', missing)) is not missing else environment.getattr(_theme_object, 'commit')):
                pass
                t_3.extend((
                    ' <span class="sig-proof">(commit <code title="',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'commit', missing)) is not missing else environment.getattr(_theme_object, 'commit'))) is str else escape_output(_theme_text)),
                    '">',
                    (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'short_commit', missing)) is not missing else environment.getattr(_theme_object, 'short_commit'))) is str else escape_output(_theme_text)),
                    '</code>',
                ))
                if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'fingerprint', missing)) is not missing else environment.getattr(_theme_object, 'fingerprint')):
                    pass
                    t_3.extend((
                        ', key <code class="fingerprint">',
                        (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'fingerprint', missing)) is not missing else environment.getattr(_theme_object, 'fingerprint'))) is str else escape_output(_theme_text)),
                        '</code>',
                    ))
                t_3.append(
                    ')</span>',
                )
            if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'editors', missing)) is not missing else environment.getattr(_theme_object, 'editors')):
                pass
                t_3.append(
                    ' <span class="sig-edits">· edited by ',
                )
                l_2_loop = missing
                for l_2_editor, l_2_loop in LoopContext((_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='proof') if l_1_proof is missing else l_1_proof)), 'editors', missing)) is not missing else environment.getattr(_theme_object, 'editors')), undefined):
                    _loop_vars = {}
                    pass
                    t_3.append(
                        (fast_escape_text(_theme_text) if type(_theme_text := context.call((undefined(name='author_name') if l_0_author_name is missing else l_0_author_name), l_2_editor, l_1_root, l_1_state, _loop_vars=_loop_vars)) is str else escape_output(_theme_text)),
                    )
                    if (not (_theme_value if (_theme_value := getattr((_theme_object := l_2_loop), 'last', missing)) is not missing else environment.getattr(_theme_object, 'last'))):
                        pass
                        t_3.append(
                            ', ',
                        )
                l_2_loop = l_2_editor = missing
                t_3.append(
                    ', verified</span>',
                )
            t_3.append(
                '</span>\n',
            )
        return concat(t_3)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('signed', 'author_id', 'author', 'root', 'state'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '8=13&9=16&10=21&12=44&13=54&15=73&16=87&17=88&18=92'