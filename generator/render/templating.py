"""Jinja, tuned for a theme that renders a thousand pages per build, with the same output.

Stock Jinja spends most of a page on its own machinery rather than on the
page: it calls `_()` through the template context for every translated
string, reads every attribute through a method of the environment, wraps
every escaped value in a `Markup` only to join it into the page, probes every
macro for the context it wants, and copies a chain of globals into every
context. A Theme's catalog and globals are fixed for its life (one
build, or one dev-server generation), so the catalog's text is put into the
compiled templates and the globals are copied once; escaping and calls take
the shortest path that gives the same result. Nothing here changes what a
template means: a site's own templates get the same treatment and give the
same bytes as under stock Jinja (tests/test_theme.py renders both ways).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Collection
from types import CodeType, FunctionType, MethodType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context, Macro
from jinja2.utils import missing
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from ..core.recent import Recent
from .shipped_theme import Shipped


def escape_text(text: str) -> str:
    """What markupsafe makes of a plain str, without the Markup around it."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:  # markupsafe 3's own C loop, five times faster on the short strings pages are made of
    from markupsafe._speedups import _escape_inner as fast_escape_text
except ImportError:  # markupsafe 2, or built without its C extension
    fast_escape_text = escape_text


def escape_output(value: Any) -> str:
    """`str(markupsafe.escape(value))`: the text a page is joined from, without a Markup per value."""
    kind = type(value)
    if kind is str:
        return fast_escape_text(value)
    if kind is Markup:
        return value
    return escape(value)


class _ConstantTranslations(NodeTransformer):
    """Replaces `_("literal", name=value)` by the catalog's text %-formatted with the values.

    That is what the theme's `_()` returns (see theme.memoized_gettext): the
    translation, safe under autoescape, then %-formatted, also when it has no
    values (so `%%` is `%`). Jinja then writes a constant as template text.
    """

    def __init__(self, translate: Callable[[str], str]) -> None:
        self.translate = translate

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        if not (isinstance(node.node, nodes.Name) and node.node.name == "_" and len(node.args) == 1
                and isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, str)
                and node.dyn_args is None and node.dyn_kwargs is None):
            return node
        translated = self.translate(node.args[0].value)
        if not node.kwargs:
            try:
                translated % {}
            except (KeyError, ValueError, TypeError):
                return node  # the page fails as it would have, when it is rendered
        text = nodes.MarkSafeIfAutoescape(nodes.Const(translated), lineno=node.lineno)
        values = nodes.Dict([nodes.Pair(nodes.Const(keyword.key), keyword.value, lineno=node.lineno)
                             for keyword in node.kwargs], lineno=node.lineno)
        return nodes.Mod(text, values, lineno=node.lineno)


def _names_underscore(template: nodes.Template) -> bool:
    """Whether a template binds `_` itself (set, for, macro, import): then its `_()` may not be the theme's."""
    for node in template.find_all((nodes.Name, nodes.Macro, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Name):
            bound = [node.name] if node.ctx != "load" else []
        elif isinstance(node, nodes.Macro):
            bound = [node.name]
        elif isinstance(node, nodes.Import):
            bound = [node.target]
        else:
            bound = [name if isinstance(name, str) else name[-1] for name in node.names]
        if "_" in bound:
            return True
    return False


def _escapes_inline(frame: Frame, finalize: Any) -> bool:
    """Whether an output value is escaped by the theme's own code rather than Jinja's."""
    return bool(frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None)


def code_generator(translate: Callable[[str], str]) -> type[CodeGenerator]:
    """Jinja's compiler, with the catalog's text in the code and escaping that yields plain text."""

    class ThemeCodeGenerator(CodeGenerator):
        def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
            if not _names_underscore(node):
                node = _ConstantTranslations(translate).visit(node)
            self.writeline(f"from {__name__} import escape_output, fast_escape_text")
            super().visit_Template(node, frame)

        @optimizeconst
        def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
            # `environment.getattr(obj, name)` in C where it can be: a page reads a few hundred attributes,
            # and the Python call costs more than the read. Only when the object has no such attribute is
            # Jinja's own asked (an item of that name, or undefined); the object is evaluated once.
            if self.environment.is_async:
                super().visit_Getattr(node, frame)
                return
            self.write("(_theme_value if (_theme_value := getattr((_theme_object := ")
            self.visit(node.node, frame)
            self.write(f"), {node.attr!r}, missing)) is not missing else environment.getattr(_theme_object, "
                       f"{node.attr!r}))")

        def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
            # Output is joined into a str anyway, so an escaped value need not be a Markup; a str (most
            # values) is escaped by markupsafe's C loop without a Python call, anything else by escape_output.
            if _escapes_inline(frame, finalize):
                self.write("(fast_escape_text(_theme_text) if type(_theme_text := ")
            else:
                super()._output_child_pre(node, frame, finalize)

        def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
            if _escapes_inline(frame, finalize):
                self.write(") is str else escape_output(_theme_text))")
            else:
                super()._output_child_post(node, frame, finalize)

    return ThemeCodeGenerator


_BUILTIN_METHOD = type({}.get)
"""`dict.get`, `list.append`, ...: implemented in C, they cannot carry Jinja's pass_context mark."""
_PYTHON_CALLABLES = (FunctionType, MethodType)
"""A function or a bound method: it wants a context only if it carries Jinja's mark itself (its `__call__`
is a method-wrapper, which never does)."""


_as_markup = str.__new__


def _takes_as_given(macro: Macro, count: int) -> bool:
    """Whether a macro given `count` arguments, by position only, takes them as they come: Macro.__call__
    would only pass them on, each one it was not given as `missing` (for the macro's own default), with no
    caller, *varargs or **kwargs to gather."""
    return (count <= macro._argument_count and not macro.caller and not macro.catch_kwargs
            and not macro.catch_varargs)


def _invoked(macro: Macro, args: tuple[Any, ...], autoescape: bool) -> Any:
    """What Macro.__call__ returns for arguments it would only pass on (see _takes_as_given)."""
    result = macro._func(*args, *(missing,) * (macro._argument_count - len(args)))
    if not autoescape or type(result) is Markup:  # a body compiled with autoescape made its Markup already
        return result
    return _as_markup(Markup, result)  # what Markup(result) makes of a str, without probing it for __html__


def _wants_nothing(kind: type, callee: Any) -> bool:
    """Whether Jinja would call `callee` (of type `kind`) with only the arguments the template gives."""
    return kind is _BUILTIN_METHOD or (kind in _PYTHON_CALLABLES and not hasattr(callee, "jinja_pass_arg"))


class ThemeContext(Context):
    """Jinja's context, with a short way to call a macro, a function or a method.

    Every call in a template goes through `Context.call`, which probes the
    callee for the context it wants. A macro always wants the evaluation
    context; a built-in method (`dict.get`, `list.append`) can want none, and
    a function or a method wants one only when it is marked for it.
    """

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # Jinja's own names: kwargs may hold "self"
        kind = type(__obj)
        if kind is not Macro and not _wants_nothing(kind, __obj):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            if kind is not Macro:
                return __obj(*args, **kwargs)
            if not kwargs and _takes_as_given(__obj, len(args)):
                return _invoked(__obj, args, __self.eval_ctx.autoescape)
            return __obj(__self.eval_ctx, *args, **kwargs)
        except StopIteration:  # as Jinja answers for any callable
            return __self.environment.undefined("value was undefined because a callable raised a"
                                                " StopIteration exception")
        except TypeError as exc:
            # Jinja's own complaint about a macro's arguments (a site's macros.html copied from an older
            # theme) is a template error like any other, reported without a traceback.
            if kind is Macro and str(exc).startswith(f"macro {__obj.name!r} "):
                raise jinja2.TemplateRuntimeError(str(exc)) from exc
            raise


class ThemeEnvironment(jinja2.Environment):
    """Jinja's environment, with each template's globals a plain dict.

    Jinja chains a template's globals to the environment's so that a later
    change to them shows; reading that chain into every page's and every
    include's context costs more than a small include itself. A Theme sets its
    globals before it loads a template and never changes them.
    """

    context_class = ThemeContext

    def make_globals(self, d: Any = None) -> Any:
        return {**self.globals, **(d or {})}


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates this process has compiled already, kept in memory only, for the Themes made after them.

    Compiling a theme costs more than rendering a small site; a process that makes several Themes (the dev
    server after a template is saved, a program that builds several sites) compiles each template once.
    The compiled code is a function of the template's file and text, which Jinja keys and checks, and of
    the catalog whose text is put into it (`catalog`, a digest of its messages), which this key adds; the
    options a Theme's environment is made with are the same for every Theme. Nothing is written here; a
    build with a cache folder keeps what its Theme used there (render.compiled_theme).
    """

    def __init__(self, catalog: str, shipped: Shipped) -> None:
        self.catalog = catalog
        self.shipped = shipped
        """The installed theme's templates as Jinja compiles them with this catalog (render.shipped_theme)."""
        self.used: set[tuple[str, str]] = set()
        """The keys of the templates this Theme loaded, found here or compiled: what a build keeps."""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        """A template compiled already, or else the code its theme ships: either is what Jinja would make of
        this exact text; only a template that is neither is compiled by Jinja."""
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None and (shipped := self.shipped.get((name, bucket.checksum))) is not None:
            bucket.code = shipped(filename or "<template>")  # None: Jinja compiles the template itself
            self.dump_bytecode(bucket)
        return bucket

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self.catalog}\0{name}\0{filename}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = (bucket.key, bucket.checksum)
        code = _COMPILED.get(key)
        if code is not None:
            bucket.code = code
            self.used.add(key)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            key = (bucket.key, bucket.checksum)
            _COMPILED.put(key, bucket.code)
            self.used.add(key)


_COMPILED: Recent[tuple[str, str], CodeType] = Recent(512)
"""Compiled templates kept, the least recently used dropped first: a few sites' worth, a few MB of code."""


def compiled_templates(keys: Collection[tuple[str, str]] | None = None) -> dict[tuple[str, str], bytes]:
    """The templates this process keeps compiled (those of `keys`, if given), as data another process of
    this code can keep."""
    return {key: marshal.dumps(code) for key, code in _COMPILED.items() if keys is None or key in keys}


def keep_compiled(compiled: dict[tuple[str, str], bytes]) -> None:
    """Keep templates another process of this code compiled (compiled_templates): a Theme made afterwards
    loads them instead of compiling. Each is keyed by its file, the catalog and the checksum of its text,
    so a template edited since, or a Theme with another catalog, compiles its own."""
    for key, data in compiled.items():
        _COMPILED.put(key, marshal.loads(data))
