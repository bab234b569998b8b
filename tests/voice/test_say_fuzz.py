"""Whatever is typed into "Have your say", the answer is a receipt or the form, words kept."""

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.forms import clean_text
from tests.support.pages import page

FIELDS = st.fixed_dictionaries(
    {
        "body": st.text(max_size=2100),
        "theme": st.sampled_from(["", "housing", "nope", "<script>", "health-wellbeing"]),
        "may_share": st.sampled_from(["yes", "no", "maybe", ""]),
        "show_identity": st.sampled_from(["yes", "no", "1"]),
    },
    optional={"status": st.just("closed"), "author_id": st.just("1")},
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fields=FIELDS)
def test_never_a_server_error_and_never_lost_words(
    client: TestClient, fields: dict[str, str]
) -> None:
    values = page(client.get("/say")).form("/say")
    values.update(fields)
    response = client.post("/say", data=values, follow_redirects=False)
    assert response.status_code in {303, 400}, response.text[:300]
    if response.status_code == 400:
        kept = page(response, 400).form("/say")["body"]
        assert kept.strip() == clean_text(values["body"]).strip()
