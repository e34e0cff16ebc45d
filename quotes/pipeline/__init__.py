"""The one orchestrator: every run from inputs to typed results, for the CLI and for
library users alike.

    extract → attribute (`Analyzer`) → translate → match → compare (`Verifier`) → report

`runs` holds what the commands do (`extract`, `verify`, `story`), `embedding` the tweet
vectors that `verify` and `archive embed` share, `inputs` how articles are read (files,
URLs through a client the caller supplies). The stages themselves are pure functions in
their own modules; this package loads resources at the edge and passes them in.
"""

from quotes.pipeline.analyze import Analyzer
from quotes.pipeline.archive_runs import AddRun, ImportRun, add_tweets, fetched_line, import_files
from quotes.pipeline.embedding import EmbedRun, embed_archive, tweet_vectors
from quotes.pipeline.inputs import LoadedInputs, load_articles
from quotes.pipeline.model_runs import download_models, model_statuses
from quotes.pipeline.runs import (
    StoryRun,
    TranslationSettings,
    VerifyOptions,
    extract,
    story,
    translation_settings,
    verify,
)
from quotes.pipeline.verifier import Verifier

__all__ = [
    "AddRun",
    "Analyzer",
    "EmbedRun",
    "ImportRun",
    "LoadedInputs",
    "StoryRun",
    "TranslationSettings",
    "Verifier",
    "VerifyOptions",
    "add_tweets",
    "download_models",
    "embed_archive",
    "extract",
    "fetched_line",
    "import_files",
    "load_articles",
    "model_statuses",
    "story",
    "translation_settings",
    "tweet_vectors",
    "verify",
]
