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

The result is the ready-made ``"awaiting"``/``"line"`` part of the task's
``waiting`` event. Nothing here changes the task: only frames, ``cr_await`` and
``_fut_waiter`` are read (``Task.exception()`` would mark an exception as
retrieved and silence asyncio's "never retrieved" warning, so it is never
called).
"""

from .wire import quote

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

#: label -> {line -> the event fields}: a program has few distinct waits
#: (bounded anyway: a program sleeping for ever-new random delays)
_fields_by_label = {}
_MAX_CACHED_LABELS = 10000


async def _a_coroutine():
    pass


_coroutine = _a_coroutine()
_COROUTINE = type(_coroutine)
_coroutine.close()
del _coroutine


#: Stands for "asyncio.sleep: the label names its delay" in ``_labels_by_code``.
_SLEEP = "sleep(...)"


def _label_of_code(code):
    qualname = code.co_qualname
    if qualname == "sleep" and code.co_filename.endswith("/asyncio/tasks.py"):
        return _SLEEP
    if qualname.endswith("._wait_for_one"):
        return "as_completed"
    return _OPERATION_LABELS.get(qualname, qualname)


def _operation_label(code):
    label = _labels_by_code.get(code)
    if label is None:
        label = _labels_by_code[code] = _label_of_code(code)
    return label


def describe_wait(task, user_file, task_display_name, sleep_future=None, sleep_delay=None):
    """The ``,"awaiting":..,"line":..`` fields of a suspended task's ``waiting`` event.

    Walks the chain by ``cr_code``/``cr_await``, which costs no allocation;
    a frame object is made (once per coroutine, then cached by CPython)
    only for the main.py coroutine whose line is needed. An
    ``asyncio.sleep``'s delay comes from ``sleep_future``/``sleep_delay``,
    the timer it set during this step (see :mod:`.tasks`); only failing
    that is it read from the sleep's frame locals. Every frame object and
    locals dict made here lives as long as its coroutine and lengthens each
    garbage collection over a big gather. The finished fields are cached per
    (label, line).
    """
    link = task.get_coro()
    user_link = None
    label = None
    label_link = None
    while link is not None:
        if type(link) is _COROUTINE:
            code = link.cr_code
            below = link.cr_await
        else:
            code = getattr(link, "gi_code", None)
            if code is None:
                break  # a future's iterator, an async generator's asend, ...
            below = link.gi_yieldfrom
        if code.co_filename == user_file:
            user_link = link
            label = None
        elif label is None:
            label = _operation_label(code)
            label_link = link
        link = below
    line = None
    if user_link is not None:
        frame = user_link.cr_frame if type(user_link) is _COROUTINE else user_link.gi_frame
        line = frame.f_lineno if frame is not None else None
    if label is None:
        label = describe_awaitable(task._fut_waiter, task_display_name)
    elif label is _SLEEP:
        waiter = task._fut_waiter
        if waiter is None:
            label = "sleep(0)"  # asyncio.sleep(0) only yields, it sets no timer
        elif waiter is sleep_future:
            label = f"sleep({sleep_delay!r})"
        else:
            frame = label_link.cr_frame
            label = f"sleep({frame.f_locals.get('delay')!r})" if frame is not None else "sleep"
    by_line = _fields_by_label.get(label)
    if by_line is None:
        if len(_fields_by_label) >= _MAX_CACHED_LABELS:
            _fields_by_label.clear()
        by_line = _fields_by_label[label] = {}
    fields = by_line.get(line)
    if fields is None:
        fields = by_line[line] = f',"awaiting":{quote(label)}' + ("" if line is None else f',"line":{line}')
    return fields


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
