"""The intermediate representation: what the emitters render, built once from the normalised spec.

`nodes` holds the dataclasses (groups, operations, parameters, bodies, responses, streams, models),
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
    Response,
    Security,
    Stream,
    StreamDeltas,
    TypeRef,
)

__all__ = [
    "Api", "Body", "Field", "Group", "Model", "Operation", "Response", "Security", "Stream", "StreamDeltas",
    "TypeRef", "build_api",
]
