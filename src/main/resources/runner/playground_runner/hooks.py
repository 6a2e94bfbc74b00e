"""Patching modules lazily, when the program first imports them.

Importing :mod:`asyncio` costs tens of milliseconds, and most of the
runner's instrumentation lives in it; a program that never imports asyncio
must not pay for that. :class:`PatchOnImport` is a ``sys.meta_path`` finder
that recognises a few module names, lets the normal finders find them, and
runs a patch function right after the module's code has executed, before
the importer gets the module. A module already imported is patched at once.

It works for modules loaded from source (asyncio, threading, traceback);
built-in modules such as ``signal`` or ``_posixsubprocess`` cost nothing to
import, so the session patches them eagerly instead.

The patches themselves live next to the concept they serve (tasks,
selector, clock); :func:`switch_to_real_on` is the one shared shape: "when
this function is called, the clock must be real from now on".
"""

import sys


class PatchOnImport:
    """A meta-path finder that patches named modules right after they load."""

    def __init__(self):
        self._pending = {}

    def add(self, module_name, patch):
        """Run ``patch(module)`` once ``module_name`` is imported (now, if it already is)."""
        module = sys.modules.get(module_name)
        if module is not None:
            patch(module)
        else:
            self._pending[module_name] = patch

    def install(self):
        sys.meta_path.insert(0, self)

    def find_spec(self, name, path=None, target=None):
        patch = self._pending.get(name)
        if patch is None:
            return None
        spec = None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        if spec is None or spec.loader is None or isinstance(spec.loader, type):
            return spec  # not found, a namespace, or a class-level loader we must not touch
        loader = spec.loader
        original_exec_module = loader.exec_module
        pending = self._pending

        def exec_module(module):
            original_exec_module(module)
            del loader.exec_module
            if pending.pop(name, None) is not None:
                patch(module)

        loader.exec_module = exec_module
        return spec

    def invalidate_caches(self):
        pass


def switch_to_real_on(owner, attribute, clock, reason):
    """Wrap ``owner.attribute`` so that calling it first switches ``clock`` to real time."""
    original = getattr(owner, attribute, None)
    if original is None:
        return

    def switching(*args, **kwargs):
        clock.switch_to_real(reason)
        return original(*args, **kwargs)

    switching.__name__ = getattr(original, "__name__", attribute)
    switching.__qualname__ = getattr(original, "__qualname__", attribute)
    switching.__doc__ = getattr(original, "__doc__", None)
    setattr(owner, attribute, switching)


def patch_thread_start(threading_module, clock):
    """A started thread runs in real time: so must the whole program from then on."""
    thread_class = threading_module.Thread
    original_start = thread_class.start

    def start(self):
        name = self.name
        executor = name.startswith(("ThreadPoolExecutor", "asyncio_"))
        clock.switch_to_real("executor" if executor else "threads")
        return original_start(self)

    start.__doc__ = original_start.__doc__
    start.__qualname__ = original_start.__qualname__
    thread_class.start = start
