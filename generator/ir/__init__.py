"""The intermediate representation: what the emitters render, built once from the normalised spec.

`nodes` holds the dataclasses (groups, operations, parameters, bodies, responses, streams, models),
`types` the type trees they carry,
`build` turns a spec into them.
"""

from generator.ir.build import build_api
from generator.ir.nodes import (
    Api,
    Body,
    Field,
    Group,
    Model,
    Operation,
    Pagination,
    Requirement,
    Response,
    SecurityScheme,
    Stream,
    StreamDeltas,
)
from generator.ir.types import (
    ListOf,
    LiteralOf,
    MapOf,
    ModelRef,
    Nullable,
    Scalar,
    TypeNode,
    UnionOf,
)

__all__ = [
    "Api",
    "Body",
    "Field",
    "Group",
    "ListOf",
    "LiteralOf",
    "MapOf",
    "Model",
    "ModelRef",
    "Nullable",
    "Operation",
    "Pagination",
    "Requirement",
    "Response",
    "Scalar",
    "SecurityScheme",
    "Stream",
    "StreamDeltas",
    "TypeNode",
    "UnionOf",
    "build_api",
]
