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
