"""The Media API in the simulator: the account's media files, their limits and their URLs.

``media_rules`` holds the platform's rules (accepted types, sizes, retention,
what a media id may be, the URLs a file is reached at); ``library`` the files
themselves (:class:`~.library.MediaLibrary`, the one writer); ``routes`` the
four REST operations; ``control_routes`` the ``/_control/media`` endpoints;
``service`` the :class:`~.service.MediaService` the core serves; and
``test_api`` the simulator's public methods for media (:class:`~.test_api.MediaTestApi`).
"""
