"""What a suspended task is waiting for, in words, and on which line of main.py.

A task's coroutine, once suspended, forms a chain: the task's coroutine
awaits another coroutine (``cr_await``), which awaits another, ... down to a
future or a bare ``yield``. Walking that chain from the top:

* the *deepest frame in main.py* is the line the student sees waiting
  (``f_lineno`` of a suspended frame is the line of its ``await``);
* the *first frame below it that is not main.py* names the operation:
  ``asyncio.sleep`` (with its delay), ``Queue.get``, ``Lock.acquire``,
  ``Event.wait``, a stream read ("socket read"), ...;
* if the student's coroutine awaits a future directly, the future says it:
  another task (``Task worker-2``), a ``gather``, a plain ``Future``.

Nothing here changes the task: only frames, ``cr_await`` and
``_fut_waiter`` are read (``Task.exception()`` would mark an exception as
retrieved and silence asyncio's "never retrieved" warning, so it is never
called).
"""

#: Friendlier words for asyncio operations the lessons meet, by code qualname.
_OPERATION_LABELS = {
    "StreamReader.read": "socket read",
    "StreamReader.readline": "socket read",
    "StreamReader.readuntil": "socket read",
    "StreamReader.readexactly": "socket read",
    "StreamReader.__anext__": "socket read",
    "StreamReader._wait_for_data": "socket read",
    "BaseSelectorEventLoop.sock_recv": "socket read",
    "BaseSelectorEventLoop.sock_recv_into": "socket read",
    "BaseSelectorEventLoop.sock_recvfrom": "socket read",
    "BaseSelectorEventLoop.sock_accept": "socket accept",
    "BaseSelectorEventLoop.sock_sendall": "socket write",
    "BaseSelectorEventLoop.sock_connect": "socket connect",
    "StreamWriter.drain": "socket write",
    "StreamWriter.wait_closed": "socket close",
    "open_connection": "socket connect",
    "open_unix_connection": "socket connect",
    "_wait": "wait",
    "TaskGroup._aexit": "TaskGroup",
    "TaskGroup.__aexit__": "TaskGroup",
    "BaseEventLoop.shutdown_default_executor": "shutdown_default_executor",
}

_labels_by_code = {}


async def _a_coroutine():
    pass


_coroutine = _a_coroutine()
_COROUTINE = type(_coroutine)
_coroutine.close()
del _coroutine


def _operation_label(code, frame):
    if code.co_name == "sleep" and code.co_qualname == "sleep" and code.co_filename.endswith("tasks.py"):
        return f"sleep({frame.f_locals.get('delay')!r})"
    label = _labels_by_code.get(code)
    if label is None:
        qualname = code.co_qualname
        if qualname.endswith("._wait_for_one"):
            label = "as_completed"
        else:
            label = _OPERATION_LABELS.get(qualname, qualname)
        _labels_by_code[code] = label
    return label


def describe_wait(task, user_file, task_display_name):
    """``(label, line)`` for a suspended task; ``line`` is None if no main.py frame waits."""
    link = task.get_coro()
    line = None
    label = None
    while link is not None:
        if type(link) is _COROUTINE:
            frame = link.cr_frame
            below = link.cr_await
        else:
            frame = getattr(link, "gi_frame", None)
            below = getattr(link, "gi_yieldfrom", None)
        if frame is None:
            break  # a finished coroutine, a future's iterator, an async generator's asend, ...
        code = frame.f_code
        if code.co_filename == user_file:
            line = frame.f_lineno
            label = None
        elif label is None:
            label = _operation_label(code, frame)
        link = below
    if label is None:
        label = describe_awaitable(task._fut_waiter, task_display_name)
    return label, line


def describe_awaitable(future, task_display_name):
    """Words for the future a task awaits directly."""
    if future is None:
        return "next step"
    name = task_display_name(future)
    if name is not None:
        return f"Task {name}"
    kind = type(future).__name__
    if kind == "_GatheringFuture":
        return "gather"
    return kind
