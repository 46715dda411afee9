"""Knowledge: the CSV tables of what Missive knows about the world, read in one place.

``tables`` is the only module that opens the files (packaged rows plus a user's data folder,
checked and cached); ``schema`` declares each table's columns and the closed sets they draw from.
"""
