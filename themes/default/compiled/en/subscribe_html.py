from generator.render.templating import escape_output, fast_escape_text
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'subscribe.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'subscribe.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    pass
    yield 'Subscribe · '
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    l_0_root = resolve('root')
    l_0_state = resolve('state')
    l_0_webcal = resolve('webcal')
    l_0_card = resolve('card')
    l_0_base = l_0_channels = missing
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_3 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_4 = environment.filters['urlencode']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'urlencode' found.")
    try:
        t_5 = environment.filters['urlize']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'urlize' found.")
    pass
    l_0_base = (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'base_url', missing)) is not missing else environment.getattr(_theme_object, 'base_url'))
    _block_vars['base'] = l_0_base
    yield '<article class="subscribe">\n  <h1>Subscribe to updates</h1>\n  <p>Every update we post reaches every channel below as its own entry: when an incident moves from investigating to identified to resolved, you get each step, not only the first.</p>\n\n  <section aria-labelledby="feeds">\n    <h2 id="feeds">Feeds for your feed reader</h2>\n    <p>Paste one of these addresses into a feed reader, or into a chat tool\'s RSS integration. Each update, each maintenance notice and each postmortem is one entry, signed by the person who wrote it.</p>\n    <ul>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.atom">Atom</a>: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'feed.atom</code></li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.xml">RSS</a>: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'feed.xml</code></li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'feed.json">JSON Feed</a>: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'feed.json</code></li>\n    </ul>\n    <h3>Only the components you use</h3>\n    <table>\n      <thead><tr><th scope="col">Component</th><th scope="col">Feeds</th><th scope="col">Badge</th></tr></thead>\n      <tbody>\n'
    for l_1_group in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'groups', missing)) is not missing else environment.getattr(_theme_object, 'groups')):
        _loop_vars = {}
        pass
        for l_2_c in (_theme_value if (_theme_value := getattr((_theme_object := l_1_group), 'members', missing)) is not missing else environment.getattr(_theme_object, 'members')):
            l_2_cards = resolve('cards')
            _loop_vars = {}
            pass
            yield '        <tr>\n          <th scope="row"><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</a></th>\n          <td><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.atom', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '">Atom<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</span></a> · <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.xml', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '">RSS<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</span></a></td>\n          <td><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'badge.svg', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '">badge.svg<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</span></a> · <a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := environment.getitem((undefined(name='cards') if l_2_cards is missing else l_2_cards), (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'id', missing)) is not missing else environment.getattr(_theme_object, 'id')))), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
            yield '">card<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</span></a></td>\n        </tr>\n'
        l_2_c = l_2_cards = missing
    l_1_group = missing
    yield '      </tbody>\n    </table>\n    <h3>One incident</h3>\n    <p>Each incident page has an Atom feed of its own, for following one incident until it is resolved.</p>\n'
    if (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')):
        pass
        yield '    <ul>\n'
        for l_1_inc in (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='state') if l_0_state is missing else l_0_state)), 'open_incidents', missing)) is not missing else environment.getattr(_theme_object, 'open_incidents')):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
            yield (fast_escape_text(_theme_text) if type(_theme_text := context.call((_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'address', missing)) is not missing else environment.getattr(_theme_object, 'address'))), 'beside', missing)) is not missing else environment.getattr(_theme_object, 'beside')), 'feed.atom', _loop_vars=_loop_vars)) is str else escape_output(_theme_text))
            yield '">'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_1_inc), 'incident', missing)) is not missing else environment.getattr(_theme_object, 'incident'))), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
            yield '</a></li>'
        l_1_inc = missing
        yield '    </ul>\n'
    yield '  </section>\n\n'
    l_0_channels = t_1(context.eval_ctx, t_3(context, (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'notify', missing)) is not missing else environment.getattr(_theme_object, 'notify')), 'subscribe'))
    _block_vars['channels'] = l_0_channels
    if (undefined(name='channels') if l_0_channels is missing else l_0_channels):
        pass
        yield '  <section aria-labelledby="channels">\n    <h2 id="channels">Chat, email and webhooks</h2>\n    <p>Each update is also sent, the moment it is published, to these channels:</p>\n    <ul>\n'
        for l_1_channel in (undefined(name='channels') if l_0_channels is missing else l_0_channels):
            _loop_vars = {}
            pass
            yield '<li><strong>'
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := l_1_channel), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</strong>: '
            yield (fast_escape_text(_theme_text) if type(_theme_text := t_5(context.eval_ctx, (_theme_value if (_theme_value := getattr((_theme_object := l_1_channel), 'subscribe', missing)) is not missing else environment.getattr(_theme_object, 'subscribe')))) is str else escape_output(_theme_text))
            yield '</li>'
        l_1_channel = missing
        yield '    </ul>\n  </section>\n\n'
    yield '  <section aria-labelledby="calendar">\n    <h2 id="calendar">Maintenance calendar</h2>\n    <p>Planned maintenance windows, for Google Calendar, Outlook or Apple Calendar. Subscribe by address rather than importing the file once: a moved or cancelled window is then updated in your calendar too.</p>\n    <ul>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='webcal') if l_0_webcal is missing else l_0_webcal)) is str else escape_output(_theme_text))
    yield '">Subscribe in your calendar app</a></li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'maintenance.ics">maintenance.ics</a>: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'maintenance.ics</code></li>\n    </ul>\n  </section>\n\n  <section aria-labelledby="api">\n    <h2 id="api">JSON API for integrations</h2>\n    <p>The same files, field names and shapes as Statuspage\'s public API v2, so tools that read a Statuspage page read this one. Extra fields, such as who signed each update, are under the key "statusblog".</p>\n    <ul>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/summary.json">summary.json</a>: status, components, unresolved incidents, active and upcoming maintenance</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/status.json">status.json</a>: the overall status indicator</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/components.json">components.json</a>: every component and group</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/incidents.json">incidents.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/incidents/unresolved.json">incidents/unresolved.json</a>: incidents with every update</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances.json">scheduled-maintenances.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances/upcoming.json">…/upcoming.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances/active.json">…/active.json</a>: planned maintenance</li>\n    </ul>\n    <p>Base address: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'api/v2/</code></p>\n  </section>\n\n  <section aria-labelledby="badges">\n    <h2 id="badges">Status badge</h2>\n    <p>An image of the current status, for a README or an internal wiki:</p>\n    <p><img src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'badge.svg" alt="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Current status of %(site)s') % {'site': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))})) is str else escape_output(_theme_text))
    yield '"></p>\n    <pre><code>&lt;img src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'badge.svg" alt="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '"&gt;</code></pre>\n    <p>Each component has one too, linked in the table above.</p>\n    <p>The same badge drawn by shields.io, in its styles:</p>\n    <pre><code>https://img.shields.io/endpoint?url='
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_2(context.eval_ctx, t_4(markup_join(((undefined(name='base') if l_0_base is missing else l_0_base), 'badge.json', ))), '/', '%2F')) is str else escape_output(_theme_text))
    yield '</code></pre>\n  </section>\n\n  <section aria-labelledby="card">\n    <h2 id="card">Status card</h2>\n    <p>A small page with the current status, for an iframe on your own site; its links open this site in a new tab: <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '</a></p>\n    <pre><code>&lt;iframe src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '" width="320" height="180" style="border:0"&gt;&lt;/iframe&gt;</code></pre>\n    <p>Each component has one too, linked in the table above.</p>\n  </section>\n</article>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=13&2=18&3=30&4=74&13=77&14=81&15=85&21=89&23=97&24=102&25=112&32=125&34=128&39=140&40=142&45=145&54=156&55=158&63=162&64=164&65=166&66=168&67=172&69=178&75=180&76=184&79=188&84=190&85=195'