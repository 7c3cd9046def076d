"""One exception tree. Each error carries the HTTP status it maps to and a message meant for the user."""

INTERNAL_ERROR_MESSAGE = "internal error; the server log has the details"


class CitewireError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        """HTTP headers the error's response carries: when to try again, how to authenticate."""
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}


class InvalidInputError(CitewireError):
    status_code = 422
    code = "invalid_input"


class SourceNotFoundError(CitewireError):
    status_code = 404
    code = "not_found"


class IndexNotReadyError(CitewireError):
    status_code = 503
    code = "index_not_ready"


class ModelUnavailableError(CitewireError):
    status_code = 503
    code = "model_unavailable"


class LLMCallError(CitewireError):
    """The language model failed, timed out or is unreachable (after litellm's retry): worth trying again later."""

    status_code = 503
    code = "llm_error"

    def __init__(self, message: str, retry_after: int | None = 30) -> None:
        super().__init__(message, retry_after)


class UnauthorizedError(CitewireError):
    status_code = 401
    code = "unauthorized"

    @property
    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class RateLimitedError(CitewireError):
    status_code = 429
    code = "rate_limited"


class ServiceBusyError(CitewireError):
    status_code = 503
    code = "busy"


class PayloadTooLargeError(CitewireError):
    status_code = 413
    code = "payload_too_large"


class IngestRunningError(CitewireError):
    status_code = 409
    code = "ingest_running"


class PromptTemplateError(CitewireError):
    code = "prompt_template_error"


class ServiceUnreachableError(CitewireError):
    status_code = 503
    code = "service_unreachable"


def error_for(status_code: int, code: str, message: str) -> CitewireError:
    """The error a running citewire server reported, as the same kind of error raised in this process."""
    for kind in CitewireError.__subclasses__():
        if kind.code == code:
            return kind(message)
    error = CitewireError(message)
    error.status_code, error.code = status_code, code
    return error
