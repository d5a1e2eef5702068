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
    yield 'Berlangganan · '
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
    yield '<article class="subscribe">\n  <h1>Berlangganan pembaruan</h1>\n  <p>Setiap pembaruan yang kami terbitkan sampai ke semua saluran di bawah sebagai entri tersendiri: saat insiden berpindah dari diselidiki ke teridentifikasi hingga selesai, Anda menerima setiap langkahnya, bukan hanya yang pertama.</p>\n\n  <section aria-labelledby="feeds">\n    <h2 id="feeds">Feed untuk pembaca feed Anda</h2>\n    <p>Tempelkan salah satu alamat ini ke pembaca feed, atau ke integrasi RSS di aplikasi obrolan Anda. Setiap pembaruan, setiap pemberitahuan pemeliharaan, dan setiap postmortem adalah satu entri, ditandatangani oleh orang yang menulisnya.</p>\n    <ul>\n      <li><a href="'
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
    yield 'feed.json</code></li>\n    </ul>\n    <h3>Hanya komponen yang Anda gunakan</h3>\n    <table>\n      <thead><tr><th scope="col">Komponen</th><th scope="col">Feed</th><th scope="col">Lencana</th></tr></thead>\n      <tbody>\n'
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
            yield '">kartu<span class="sr"> · '
            yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (_theme_value if (_theme_value := getattr((_theme_object := l_2_c), 'component', missing)) is not missing else environment.getattr(_theme_object, 'component'))), 'name', missing)) is not missing else environment.getattr(_theme_object, 'name'))) is str else escape_output(_theme_text))
            yield '</span></a></td>\n        </tr>\n'
        l_2_c = l_2_cards = missing
    l_1_group = missing
    yield '      </tbody>\n    </table>\n    <h3>Satu insiden</h3>\n    <p>Setiap halaman insiden memiliki feed Atom sendiri, untuk mengikuti satu insiden hingga selesai.</p>\n'
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
        yield '  <section aria-labelledby="channels">\n    <h2 id="channels">Obrolan, email, dan webhook</h2>\n    <p>Setiap pembaruan juga dikirim ke saluran berikut, begitu diterbitkan:</p>\n    <ul>\n'
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
    yield '  <section aria-labelledby="calendar">\n    <h2 id="calendar">Kalender pemeliharaan</h2>\n    <p>Jadwal pemeliharaan, untuk Google Calendar, Outlook, atau Apple Calendar. Berlanggananlah melalui alamatnya, bukan dengan mengimpor berkasnya sekali: jadwal yang dipindah atau dibatalkan pun ikut diperbarui di kalender Anda.</p>\n    <ul>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='webcal') if l_0_webcal is missing else l_0_webcal)) is str else escape_output(_theme_text))
    yield '">Berlangganan di aplikasi kalender Anda</a></li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'maintenance.ics">maintenance.ics</a>: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'maintenance.ics</code></li>\n    </ul>\n  </section>\n\n  <section aria-labelledby="api">\n    <h2 id="api">API JSON untuk integrasi</h2>\n    <p>Berkas, nama kolom, dan bentuk yang sama dengan API publik v2 Statuspage, sehingga alat yang membaca halaman Statuspage dapat membaca halaman ini. Kolom tambahan, seperti siapa yang menandatangani setiap pembaruan, ada di bawah kunci "statusblog".</p>\n    <ul>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/summary.json">summary.json</a>: status, komponen, insiden yang belum selesai, pemeliharaan yang sedang berlangsung dan akan datang</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/status.json">status.json</a>: indikator status keseluruhan</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/components.json">components.json</a>: setiap komponen dan grup</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/incidents.json">incidents.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/incidents/unresolved.json">incidents/unresolved.json</a>: insiden beserta setiap pembaruannya</li>\n      <li><a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances.json">scheduled-maintenances.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances/upcoming.json">…/upcoming.json</a>, <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'api/v2/scheduled-maintenances/active.json">…/active.json</a>: pemeliharaan terjadwal</li>\n    </ul>\n    <p>Alamat dasar: <code>'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'api/v2/</code></p>\n  </section>\n\n  <section aria-labelledby="badges">\n    <h2 id="badges">Lencana status</h2>\n    <p>Gambar status terkini, untuk README atau wiki internal:</p>\n    <p><img src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield 'badge.svg" alt="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (Markup('Status terkini %(site)s') % {'site': (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))})) is str else escape_output(_theme_text))
    yield '"></p>\n    <pre><code>&lt;img src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield 'badge.svg" alt="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '"&gt;</code></pre>\n    <p>Setiap komponen juga memilikinya, ditautkan di tabel di atas.</p>\n    <p>Lencana yang sama digambar oleh shields.io, dengan gayanya:</p>\n    <pre><code>https://img.shields.io/endpoint?url='
    yield (fast_escape_text(_theme_text) if type(_theme_text := t_2(context.eval_ctx, t_4(markup_join(((undefined(name='base') if l_0_base is missing else l_0_base), 'badge.json', ))), '/', '%2F')) is str else escape_output(_theme_text))
    yield '</code></pre>\n  </section>\n\n  <section aria-labelledby="card">\n    <h2 id="card">Kartu status</h2>\n    <p>Halaman kecil berisi status terkini, untuk iframe di situs Anda sendiri; tautannya membuka situs ini di tab baru: <a href="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='root') if l_0_root is missing else l_0_root)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '">'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '</a></p>\n    <pre><code>&lt;iframe src="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (undefined(name='base') if l_0_base is missing else l_0_base)) is str else escape_output(_theme_text))
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='card') if l_0_card is missing else l_0_card)), 'url', missing)) is not missing else environment.getattr(_theme_object, 'url'))) is str else escape_output(_theme_text))
    yield '" title="'
    yield (fast_escape_text(_theme_text) if type(_theme_text := (_theme_value if (_theme_value := getattr((_theme_object := (undefined(name='config') if l_0_config is missing else l_0_config)), 'title', missing)) is not missing else environment.getattr(_theme_object, 'title'))) is str else escape_output(_theme_text))
    yield '" width="320" height="180" style="border:0"&gt;&lt;/iframe&gt;</code></pre>\n    <p>Setiap komponen juga memilikinya, ditautkan di tabel di atas.</p>\n  </section>\n</article>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=13&2=18&3=30&4=74&13=77&14=81&15=85&21=89&23=97&24=102&25=112&32=125&34=128&39=140&40=142&45=145&54=156&55=158&63=162&64=164&65=166&66=168&67=172&69=178&75=180&76=184&79=188&84=190&85=195'