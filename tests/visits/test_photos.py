"""On-site photos: the served copy is stamped by the server, earlier photos are found again
after re-compression, resizing, cropping and screenshots; bad uploads are refused."""

from __future__ import annotations

import io
from datetime import timedelta

from PIL import Image

from api.visits.models import PhotoHash, VisitPhoto
from tests.visits.media import jpeg_bytes, mp3_bytes, scene, speech_like
from tests.visits.support import (
    END,
    PHOTO,
    TRACE,
    attach_photo,
    codes,
    field,
    later,
    position,
    start,
    upload,
)


async def _fresh_visit(api, f):
    visit = (await start(api, f))["visit"]
    return visit


async def _next_visit(api, f, previous):
    await api.graphql(END, {"id": previous["id"], "position": position()}, token=f.rep_token)
    await later(api, f, hours=2)
    return await _fresh_visit(api, f)


async def test_the_served_copy_is_stamped_by_the_server_and_carries_no_metadata(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    exif = Image.Exif()
    exif[0x010F] = "Apple"  # Make
    original = jpeg_bytes(scene(1), exif=exif.tobytes())
    attached = await attach_photo(api, f.rep_token, visit["id"], original)
    assert attached["errors"] == []
    photo = attached["photo"]
    assert codes(photo["findings"]) == set()  # camera, no EXIF time or position to doubt
    served = await api.client.get(photo["url"])
    assert served.status_code == 200
    stamped = Image.open(io.BytesIO(served.content))
    assert not stamped.getexif()
    assert b"Exif" not in served.content[:4096]
    # The band at the bottom is the watermark: darker than the original there.
    width, height = stamped.size
    bottom = stamped.crop((0, height - 20, width, height)).convert("L")
    plain = scene(1).resize(stamped.size).crop((0, height - 20, width, height)).convert("L")
    assert sum(bottom.getdata()) < 0.8 * sum(plain.getdata())
    assert await PhotoHash.filter(photo__upload_id=attached["uploadId"]).count() >= 2


async def test_a_photo_shown_again_after_any_light_change_is_reuse(api):
    f = await field(api)
    first = await _fresh_visit(api, f)
    original = scene(7)
    await attach_photo(api, f.rep_token, first["id"], jpeg_bytes(original))
    width, height = original.size
    screenshot = Image.new("RGB", (1170, 2532), (12, 12, 12))
    screenshot.paste(original.resize((1170, 877)), (0, 820))
    copies = {
        "re-compressed": jpeg_bytes(original, 45),
        "resized": jpeg_bytes(original.resize((width // 4, height // 4))),
        "cropped": jpeg_bytes(original.crop((60, 40, width - 20, height - 50))),
        "screenshot": jpeg_bytes(screenshot),
    }
    visit = first
    for name, data in copies.items():
        visit = await _next_visit(api, f, visit)
        photo = (await attach_photo(api, f.rep_token, visit["id"], data))["photo"]
        [reuse] = [x for x in photo["findings"] if x["code"] == "PHOTO_REUSED"] or [None]
        assert reuse is not None, name
        assert reuse["severity"] == "FAIL"
        assert reuse["params"]["previous_code"] == first["code"]
        assert first["code"] in reuse["message"]


async def test_distinct_photos_are_not_reuse_and_two_shots_of_one_visit_are_not_either(api):
    f = await field(api)
    first = await _fresh_visit(api, f)
    await attach_photo(api, f.rep_token, first["id"], jpeg_bytes(scene(1)))
    second_shot = await attach_photo(api, f.rep_token, first["id"], jpeg_bytes(scene(1), 70))
    assert "PHOTO_REUSED" not in codes(second_shot["photo"]["findings"])
    visit = await _next_visit(api, f, first)
    for seed in (2, 3, 4):
        photo = (await attach_photo(api, f.rep_token, visit["id"], jpeg_bytes(scene(seed))))[
            "photo"
        ]
        assert "PHOTO_REUSED" not in codes(photo["findings"])


async def test_an_album_photo_and_an_old_exif_time_are_findings_not_errors(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    exif = Image.Exif()
    taken = api.services.clock.now() - timedelta(days=3)
    exif[0x8769] = {0x9003: taken.strftime("%Y:%m:%d %H:%M:%S")}  # DateTimeOriginal
    data = jpeg_bytes(scene(9), exif=exif.tobytes())
    attached = await attach_photo(api, f.rep_token, visit["id"], data, source="ALBUM")
    assert attached["errors"] == []
    assert {"PHOTO_FROM_ALBUM", "PHOTO_EXIF_TIME_OUTSIDE_VISIT"} <= codes(
        attached["photo"]["findings"]
    )


async def test_bad_uploads_are_refused_with_a_code(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    voice = await upload(api, f.rep_token, "voice", mp3_bytes(speech_like(3)), "audio/mpeg")
    theirs = await upload(api, f.other_rep_token, "photo", jpeg_bytes(scene(3)), "image/jpeg")
    for upload_id, code in (
        (voice, "UPLOAD_WRONG_KIND"),
        (theirs, "UPLOAD_NOT_FOUND"),
        ("not-an-id", "UPLOAD_NOT_FOUND"),
    ):
        body = await api.graphql(
            PHOTO,
            {"visit": visit["id"], "upload": upload_id, "source": "CAMERA"},
            token=f.rep_token,
        )
        assert body["data"]["attachVisitPhoto"]["errors"][0]["code"] == code
    assert await VisitPhoto.all().count() == 0


async def test_the_same_upload_twice_is_one_photo_and_cannot_serve_another_visit(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    attached = await attach_photo(api, f.rep_token, visit["id"], jpeg_bytes(scene(5)))
    variables = {"visit": visit["id"], "upload": attached["uploadId"], "source": "CAMERA"}
    again = (await api.graphql(PHOTO, variables, token=f.rep_token))["data"]["attachVisitPhoto"]
    assert again["photo"]["id"] == attached["photo"]["id"]
    assert await VisitPhoto.all().count() == 1
    other = await _next_visit(api, f, visit)
    variables["visit"] = other["id"]
    body = await api.graphql(PHOTO, variables, token=f.rep_token)
    assert body["data"]["attachVisitPhoto"]["errors"][0]["code"] == "UPLOAD_ALREADY_USED"


async def test_a_rep_cannot_attach_to_another_reps_visit(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    theirs = await upload(api, f.other_rep_token, "photo", jpeg_bytes(scene(3)), "image/jpeg")
    body = await api.graphql(
        PHOTO,
        {"visit": visit["id"], "upload": theirs, "source": "CAMERA"},
        token=f.other_rep_token,
    )
    assert body["data"]["attachVisitPhoto"]["errors"][0]["code"] == "VISIT_NOT_FOUND"


async def test_trace_media_tells_originals_served_copies_and_altered_copies_apart(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    original = jpeg_bytes(scene(11))
    attached = await attach_photo(api, f.rep_token, visit["id"], original)
    served = (await api.client.get(attached["photo"]["url"])).content
    altered = Image.open(io.BytesIO(served)).resize((640, 480))
    cases = {
        "ORIGINAL": original,
        "SERVED_COPY": served,
        "ALTERED_COPY": jpeg_bytes(altered, 55),
        "NONE": jpeg_bytes(scene(12)),
    }
    for expected, data in cases.items():
        upload_id = await upload(api, f.manager_token, "photo", data, "image/jpeg")
        body = await api.graphql(TRACE, {"upload": upload_id}, token=f.manager_token)
        traced = body["data"]["traceMedia"]
        assert traced["match"] == expected, expected
        if expected != "NONE":
            assert traced["visit"]["code"] == visit["code"]
            assert traced["takenBy"]["username"] == f.world.rep_a.username
    # Another team's manager cannot learn whose photo it is.
    other = await api.login(f.world.manager_b.username)
    upload_id = await upload(api, other, "photo", original, "image/jpeg")
    body = await api.graphql(TRACE, {"upload": upload_id}, token=other)
    assert body["data"]["traceMedia"]["match"] == "NONE"
    assert body["data"]["traceMedia"]["visit"] is None


async def test_blank_photos_are_not_reuse_of_each_other(api):
    f = await field(api)
    visit = await _fresh_visit(api, f)
    blank = Image.new("RGB", (800, 600), (128, 128, 128))
    await attach_photo(api, f.rep_token, visit["id"], jpeg_bytes(blank))
    other = await _next_visit(api, f, visit)
    photo = (await attach_photo(api, f.rep_token, other["id"], jpeg_bytes(blank, 70)))["photo"]
    assert "PHOTO_REUSED" not in codes(photo["findings"])
