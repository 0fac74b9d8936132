"""The identity products in the simulator: MFA codes and phone-number lookup.

A sibling of :mod:`bandwidth.testing._voice`, served by the same core:

- :mod:`.identity_paths`: which requests are MFA or lookup operations, under
  their real prefixes (``/api/v1``, ``/v2``) and under ``/api/v2``;
- :mod:`.lookup_book` (seeded numbers, bulk lookups) and
  :mod:`.lookup_service` (the Phone Number Lookup API's ``ProductService``);
- :mod:`.code_book` (codes issued, verification attempts),
  :mod:`.code_checks` (what a generate or verify body must hold),
  :mod:`.spoken_codes` (the call that speaks a voice code, a flow-engine
  extension) and :mod:`.mfa_service` (the MFA API's ``ProductService``);
- :mod:`.identity_controls` (what the test API and the control routes do),
  :mod:`.identity_control_routes` and :mod:`.test_api` (``IdentityTestApi``).

Nothing here is public API; the composition root builds it
(``build_identity``).
"""
