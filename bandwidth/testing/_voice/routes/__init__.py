"""The Voice API's REST operations, one module per resource, and the control routes.

``router`` says which operation a request is; ``calls``, ``conferences``,
``recordings``, ``transcriptions`` and ``statistics`` answer them, sharing
``common``; ``control`` drives the simulator's test API from another
process (``/_control``).
"""
