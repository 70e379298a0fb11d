"""sdkgen: generate typed, documented Python SDKs from OpenAPI 3.0/3.1 specs."""

__version__ = "0.1.0"
