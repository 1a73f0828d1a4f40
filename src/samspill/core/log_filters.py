"""Logging filters (used from ``LOGGING`` in settings)."""

from __future__ import annotations

import logging


class ClientErrorWithoutTraceback(logging.Filter):
    """A 4xx answer is logged as one line, without the exception's traceback.

    Django logs ``PermissionDenied`` (403) and bad requests (400) with the exception
    attached, so every refused access would fill the log with a traceback of code that
    worked as intended. The line keeps the status, the path and the exception's name;
    5xx records keep their traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.exc_info and isinstance(status, int) and 400 <= status < 500:
            exception = record.exc_info[1]
            if exception is not None and isinstance(record.args, tuple):
                record.msg = f"{record.msg} [%s]"
                record.args = (*record.args, type(exception).__name__)
            record.exc_info = None
            record.exc_text = None
        return True
