"""The messages leads send: assignment, first-touch overdue, recycled, handoff overdue."""

from __future__ import annotations

from notifications.templates import Template
from notifications.templates import registry as templates

PAGE = "pages/leads/detail?id={lead_id}"

ASSIGNED = templates.register(
    Template(
        name="lead.assigned",
        title={"zh-CN": "新线索：{lead}", "en": "New lead: {lead}"},
        body={
            "zh-CN": "你收到一条{priority}线索（{lead}），请在 {due_at} 前首次联系。",
            "en": "You have a new {priority} lead ({lead}); first contact due by {due_at}.",
        },
        page=PAGE,
    )
)
FIRST_TOUCH_OVERDUE = templates.register(
    Template(
        name="lead.first_touch_overdue",
        title={"zh-CN": "线索首次跟进超时：{lead}", "en": "First touch overdue: {lead}"},
        body={
            "zh-CN": "线索（{lead}）于 {assigned_at} 分配，至今未首次跟进，请立即联系。",
            "en": "The lead ({lead}) assigned at {assigned_at} has not been contacted yet.",
        },
        page=PAGE,
    )
)
RECYCLED = templates.register(
    Template(
        name="lead.recycled",
        title={"zh-CN": "线索未查看被回收：{lead}", "en": "Unviewed lead recycled: {lead}"},
        body={
            "zh-CN": "{rep_name} 在时限内未查看线索（{lead}），已回收并转给：{to}。",
            "en": "{rep_name} did not open the lead ({lead}) in time; it went to: {to}.",
        },
        page=PAGE,
    )
)
HANDOFF_OVERDUE = templates.register(
    Template(
        name="lead.handoff_overdue",
        title={"zh-CN": "市场线索反馈超时：{lead}", "en": "Marketing handoff overdue: {lead}"},
        body={
            "zh-CN": "市场移交的线索（{lead}）超过时限仍未完成首次跟进与反馈。",
            "en": "The marketing lead ({lead}) still lacks a first follow-up and feedback.",
        },
        page=PAGE,
    )
)
