"""Channels, templates, dispatcher with retries, delivery log and preferences.

The API depends on this package, never the other way round. Its channels (in-app, WeCom,
DingTalk, WeChat subscribe messages, e-mail) arrive with the notifications capability.
"""
