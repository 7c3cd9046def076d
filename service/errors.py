"""One exception tree. Each error carries the HTTP status it maps to and a message meant for the user."""


class CitewireError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
    status_code = 502
    code = "llm_error"


class PromptTemplateError(CitewireError):
    code = "prompt_template_error"


class ServiceUnreachableError(CitewireError):
    status_code = 503
    code = "service_unreachable"


def error_for(status_code: int, code: str, message: str) -> CitewireError:
    """The error a running citewire server reported, as the same kind of error raised in this process."""
    kinds = [InvalidInputError, SourceNotFoundError, IndexNotReadyError, ModelUnavailableError, LLMCallError]
    for kind in kinds:
        if kind.code == code:
            return kind(message)
    error = CitewireError(message)
    error.status_code, error.code = status_code, code
    return error
