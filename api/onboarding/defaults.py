"""The question banks the default track asks for, so a new organisation can start at once.

They test the organisation's own rules as DOMAIN.md states them (SLAs, visit evidence, the
funnel, approvals); each organisation replaces them with its own (``saveOnboardingTest``).
"""

from __future__ import annotations

from typing import Any

DEFAULT_BANKS: dict[str, tuple[str, dict[str, Any]]] = {
    "product-basics": (
        "流程基础",
        {
            "draw": 5,
            "questions": [
                {
                    "id": "first-touch",
                    "kind": "SINGLE",
                    "prompt": "线索分配给你之后，首次联系客户的时限是多久？",
                    "options": [
                        {"id": "a", "text": "15 分钟"},
                        {"id": "b", "text": "2 小时"},
                        {"id": "c", "text": "当天下班前"},
                        {"id": "d", "text": "48 小时"},
                    ],
                    "answer": ["a"],
                },
                {
                    "id": "unviewed",
                    "kind": "SINGLE",
                    "prompt": "线索分配后 2 小时内没有点开查看，会发生什么？",
                    "options": [
                        {"id": "a", "text": "什么也不会发生"},
                        {"id": "b", "text": "被回收或改派，并升级到主管看板"},
                        {"id": "c", "text": "自动标记为输单"},
                    ],
                    "answer": ["b"],
                },
                {
                    "id": "visit-evidence",
                    "kind": "MULTIPLE",
                    "prompt": "系统用哪些证据校验一次客户拜访是真实的？",
                    "options": [
                        {"id": "gps", "text": "GPS 定位"},
                        {"id": "photo", "text": "现场水印照片"},
                        {"id": "voice", "text": "语音摘要"},
                        {"id": "typed", "text": "下班前补录的文字"},
                    ],
                    "answer": ["gps", "photo", "voice"],
                },
                {
                    "id": "funnel",
                    "kind": "ORDERING",
                    "prompt": "把销售漏斗的阶段按先后排好：",
                    "options": [
                        {"id": "contact", "text": "触达"},
                        {"id": "needs", "text": "需求确认"},
                        {"id": "demo", "text": "方案演示"},
                        {"id": "quote", "text": "报价谈判"},
                        {"id": "won", "text": "赢单"},
                    ],
                    "answer": ["contact", "needs", "demo", "quote", "won"],
                },
                {
                    "id": "needs-proof",
                    "kind": "SINGLE",
                    "prompt": "进入“需求确认”阶段，需要上传什么？",
                    "options": [
                        {"id": "a", "text": "需求清单或会议纪要"},
                        {"id": "b", "text": "合同扫描件"},
                        {"id": "c", "text": "不需要任何材料"},
                    ],
                    "answer": ["a"],
                },
                {
                    "id": "golden-hours",
                    "kind": "SINGLE",
                    "prompt": "主管看板上的“黄金 4 小时”指的是什么？",
                    "options": [
                        {"id": "a", "text": "分配后 4 小时内完成首次跟进的比例"},
                        {"id": "b", "text": "每天最适合打电话的 4 个小时"},
                        {"id": "c", "text": "报价后 4 小时内必须回复"},
                    ],
                    "answer": ["a"],
                },
            ],
        },
    ),
    "solutions": (
        "方案与审批",
        {
            "draw": 4,
            "questions": [
                {
                    "id": "demo-pack",
                    "kind": "MULTIPLE",
                    "prompt": "“方案演示”阶段必须准备哪些交付物？",
                    "options": [
                        {"id": "deck", "text": "演示文稿"},
                        {"id": "questions", "text": "客户问题清单"},
                        {"id": "resources", "text": "内部资源记录"},
                        {"id": "invoice", "text": "发票"},
                    ],
                    "answer": ["deck", "questions", "resources"],
                },
                {
                    "id": "price-objection",
                    "kind": "SINGLE",
                    "prompt": "记录客户异议“价格过高”时，必须关联什么？",
                    "options": [
                        {"id": "a", "text": "竞品对比表"},
                        {"id": "b", "text": "客户的联系方式"},
                        {"id": "c", "text": "上一次的拜访照片"},
                    ],
                    "answer": ["a"],
                },
                {
                    "id": "freeze",
                    "kind": "SINGLE",
                    "prompt": (
                        "超过 50 万的合同进入审批时，客户近 12 个月按时回款率低于多少会被冻结？"
                    ),
                    "options": [
                        {"id": "a", "text": "95%"},
                        {"id": "b", "text": "85%"},
                        {"id": "c", "text": "60%"},
                    ],
                    "answer": ["b"],
                },
                {
                    "id": "follow-up",
                    "kind": "SINGLE",
                    "prompt": "商机 72 小时没有跟进，系统会怎么做？",
                    "options": [
                        {"id": "a", "text": "通知你和主管，并生成待办"},
                        {"id": "b", "text": "直接关闭商机"},
                        {"id": "c", "text": "什么也不做"},
                    ],
                    "answer": ["a"],
                },
                {
                    "id": "handoff",
                    "kind": "SINGLE",
                    "prompt": "市场部移交的线索，销售需要在多长时间内完成跟进并反馈？",
                    "options": [
                        {"id": "a", "text": "24 小时"},
                        {"id": "b", "text": "48 小时"},
                        {"id": "c", "text": "一周"},
                    ],
                    "answer": ["b"],
                },
            ],
        },
    ),
}
