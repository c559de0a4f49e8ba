"""Widgets shared by the screens: typed fields and the messages shown beside them."""
