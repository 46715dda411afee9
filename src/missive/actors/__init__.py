"""Actors: which canonical person or state a news mention means, with an ISO 3166-1 alpha-3 code.

``gazetteer`` holds what the knowledge tables say (people with dated terms, countries, outlets)
and the surface index they are matched on, ``mention_pass`` walks one text's dictionary hits,
and ``resolver`` ties them together behind :class:`~missive.actors.resolver.ActorResolver`.
"""
