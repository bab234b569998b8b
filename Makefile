# The README's two commands are `make run` and `make test`; everything else is what they use.
.PHONY: run test setup assets migrate demo-data lint i18n catalogues bench trust

setup:
	scripts/setup.sh

run: setup
	scripts/run.sh

test: setup
	scripts/test.sh

lint:
	uv run ruff check .
	uv run ruff format --check .
	uv run mypy app tests bench

migrate:
	uv run alembic upgrade head

demo-data:
	uv run python -m app.cli demo-data

i18n:
	uv run pybabel extract -F babel.cfg -k lazy_gettext -o app/locales/messages.pot --no-location --sort-output .
	uv run pybabel extract -F babel-young.cfg -k lazy_gettext -c SAFETY: -o app/locales/young.pot --no-location --sort-output .

# After `make i18n`: new young people's messages join every language's catalogue, untranslated
# (then translate them: tests/languages fails while any is missing).
catalogues: i18n
	uv run pybabel update -i app/locales/young.pot -d app/locales -D messages --no-fuzzy-matching --ignore-obsolete --no-wrap

# The speed harness (README, "Measuring speed"): about 10 minutes; ARGS=--quick for a short run.
bench:
	uv run python -m bench.load $(ARGS)

# The evidence behind shared/TRUST.md, with a one-screen summary (README, "How it keeps its
# promises"): about 10 minutes; ARGS="--fuzz 200" tries more random input per form.
trust: setup
	uv run python -m tests.trust.report $(ARGS)
