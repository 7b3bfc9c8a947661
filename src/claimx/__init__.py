"""claimx: who said what, in what capacity, how and when, from news articles."""

__version__ = "0.1.0"
SCHEMA_ID = "claimx/1"

# --- old import paths (issue 24 layout; written by relayout.py) ---
# Modules moved into packages by role; their old paths still import, as the
# same module objects: ``import claimx.extract`` is ``claimx.pipeline.extract``
# (installed ``spacy_factories`` entry points name ``claimx.components``).
# Code in this repository uses the new paths (tests/test_structure.py).
_MOVED = {
    "claimx.attribution": "claimx.pipeline.attribution",
    "claimx.components": "claimx.pipeline.components",
    "claimx.datasette_metadata": "claimx.corpus.datasette",
    "claimx.dates": "claimx.pipeline.dates",
    "claimx.evaluate_dates": "claimx.evaluate.timeml",
    "claimx.evaluate_speakers": "claimx.evaluate.speakers",
    "claimx.extract": "claimx.pipeline.extract",
    "claimx.feeds": "claimx.read.feeds",
    "claimx.fetch": "claimx.read.fetch",
    "claimx.fingerprint": "claimx.read.fingerprint",
    "claimx.formats": "claimx.write.formats",
    "claimx.golden": "claimx.evaluate.golden",
    "claimx.inputs": "claimx.read.inputs",
    "claimx.language": "claimx.read.language",
    "claimx.nlp": "claimx.pipeline.nlp",
    "claimx.outputs": "claimx.corpus.stores",
    "claimx.pages": "claimx.read.pages",
    "claimx.parquet": "claimx.write.parquet",
    "claimx.partitions": "claimx.cluster.partitions",
    "claimx.quotemarks": "claimx.pipeline.quotemarks",
    "claimx.report": "claimx.write.review",
    "claimx.segments": "claimx.pipeline.segments",
    "claimx.sources": "claimx.read.sources",
    "claimx.speakers": "claimx.pipeline.speakers",
    "claimx.sqlite": "claimx.corpus.sqlite",
    "claimx.store": "claimx.write.store",
    "claimx.summary": "claimx.corpus.summary",
    "claimx.terminal": "claimx.write.terminal",
    "claimx.unwrap": "claimx.read.unwrap",
    "claimx.warc": "claimx.read.warc",
    "claimx.writers": "claimx.write.writers",
}


def __getattr__(name: str) -> object:
    if f"claimx.{name}" in _MOVED:
        import importlib

        return importlib.import_module(f"claimx.{name}")
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")


class _OldPaths:
    """Imports an old path (a moved module, or a module inside a moved
    package) as the module at its new path."""

    @staticmethod
    def new(name: str) -> str | None:
        for old, new in _MOVED.items():
            if name == old or name.startswith(old + "."):
                return new + name[len(old):]
        return None

    def find_spec(self, name, path=None, target=None):
        if name.startswith("claimx.") and self.new(name):
            import importlib.util

            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        import importlib

        module = importlib.import_module(self.new(spec.name))
        spec.loader_state = module.__spec__  # given back below: the module keeps its own spec
        return module

    def exec_module(self, module) -> None:
        module.__spec__ = module.__spec__.loader_state


def _keep_old_paths() -> None:
    import sys

    if not any(isinstance(f, _OldPaths) for f in sys.meta_path):
        sys.meta_path.insert(0, _OldPaths())  # first: before the path finder loads a second copy


_keep_old_paths()
# --- end of old import paths ---
