"""Channel clients: each speaks one external protocol and raises ChannelError on failure.

``base`` holds the Channel protocol and the HTTP plumbing; ``wecom``, ``dingtalk``, ``wechat``
and ``email`` are the clients. The in-app channel needs the database and lives in the API.
"""
