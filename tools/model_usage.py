"""Where each model is used, from the spec: the sentence that ends its docstring.

Many schemas have no description, or only a title ("Message."), so a model's
docstring also says where it travels: which operation sends it, which returns
it, which webhook posts it, or which model holds it. The operation names are
the API methods' (``createMessage`` -> ``create_message``).
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Tuple

from model_plan import Spec, snake


def _schema_refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[-1]
        else:
            for value in node.values():
                yield from _schema_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_refs(value)


def _inline(spec: Spec, node: Any) -> Any:
    """``node`` with shared responses, request bodies and callbacks inlined."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#/components/schemas/"):
            _, _, kind, name = ref.split("/")
            return _inline(spec, spec.document["components"][kind][name])
        return {key: _inline(spec, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(spec, value) for value in node]
    return node


def _listed(names: List[str]) -> str:
    shown = [f"``{name}``" for name in dict.fromkeys(names)]
    if len(shown) > 3:
        return ", ".join(shown[:3]) + f" and {len(shown) - 3} more"
    return " and ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)


def usages(spec: Spec) -> Dict[str, str]:
    """Class name -> a sentence saying where the model is sent, returned or nested."""
    sent: Dict[str, List[str]] = {}
    returned: Dict[str, List[str]] = {}
    failed: Dict[str, List[str]] = {}
    posted: Dict[str, List[str]] = {}
    for operations in spec.document["paths"].values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            name = snake(operation["operationId"])
            for ref in _schema_refs(_inline(spec, operation.get("requestBody", {}))):
                sent.setdefault(ref, []).append(name)
            for status, response in operation.get("responses", {}).items():
                target = returned if str(status).startswith("2") else failed
                for ref in _schema_refs(_inline(spec, response)):
                    target.setdefault(ref, []).append(name)
    for name, callback in spec.document["components"].get("callbacks", {}).items():
        for path_item in callback.values():  # what Bandwidth posts, not what you answer
            for webhook in path_item.values():
                for ref in _schema_refs(_inline(spec, webhook.get("requestBody", {}))):
                    posted.setdefault(ref, []).append(name)
    held: Dict[str, List[str]] = {}
    for plan in spec.plans.values():
        for each in plan.fields:
            for model in _models_of(each.type):
                held.setdefault(model, []).append(f"{plan.cls}.{each.name}")
        for member in plan.members:
            held.setdefault(member, []).append(plan.cls)
    found: Dict[str, str] = {}
    for plan in spec.plans.values():
        key = plan.schema
        parts: List[Tuple[Dict[str, List[str]], str]] = [
            (sent, "Sent by {}."),
            (returned, "Returned by {}."),
            (posted, "Posted to your {} webhook."),
            (failed, "The error body of {}."),
        ]
        sentences = [text.format(_listed(table[key])) for table, text in parts if key in table]
        if not sentences and plan.cls in held:
            sentences.append(f"Held by {_listed(held[plan.cls])}.")
        found[plan.cls] = " ".join(sentences[:2])
    return found


def _models_of(type_ref: Any) -> Iterator[str]:
    if type_ref.model:
        yield type_ref.model
    if type_ref.item is not None:
        yield from _models_of(type_ref.item)
