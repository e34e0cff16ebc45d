"""The one orchestrator: every run from inputs to typed results, for the CLI and for
library users alike.

    extract → attribute (`Analyzer`) → translate → match → compare (`Verifier`) → report

`runs` holds what the commands do (`verify`, `story`; `extract_run` the `extract` run),
`embedding` the tweet vectors that `verify` and `archive embed` share, `inputs` how
articles are read (files, URLs through a client the caller supplies). The stages
themselves are pure functions in their own modules; this package loads resources at the
edge and passes them in.

Names load on first use (`quotes.lazy`): `extract` never imports the store or the verifier.
"""

from typing import TYPE_CHECKING

from quotes.lazy import lazy_exports

if TYPE_CHECKING:
    from quotes.pipeline.analyze import Analyzer
    from quotes.pipeline.archive_runs import (
        AddRun,
        ImportRun,
        add_tweets,
        fetched_line,
        import_files,
        list_tweets,
        set_account,
    )
    from quotes.pipeline.articles import published_date
    from quotes.pipeline.embedding import EmbedRun, embed_archive, tweet_vectors
    from quotes.pipeline.extract_run import extract
    from quotes.pipeline.inputs import LoadedInputs, load_articles
    from quotes.pipeline.model_runs import download_models, missing_models_note, model_statuses
    from quotes.pipeline.runs import (
        StoryRun,
        TranslationSettings,
        VerifyOptions,
        story,
        translation_settings,
        verify,
    )
    from quotes.pipeline.verifier import Verifier

__getattr__ = lazy_exports(globals(), {
    "quotes.pipeline.analyze": ["Analyzer"],
    "quotes.pipeline.articles": ["published_date"],
    "quotes.pipeline.archive_runs": ["AddRun", "ImportRun", "add_tweets", "fetched_line",
                                     "import_files", "list_tweets", "set_account"],
    "quotes.pipeline.embedding": ["EmbedRun", "embed_archive", "tweet_vectors"],
    "quotes.pipeline.extract_run": ["extract"],
    "quotes.pipeline.inputs": ["LoadedInputs", "load_articles"],
    "quotes.pipeline.model_runs": ["download_models", "missing_models_note", "model_statuses"],
    "quotes.pipeline.runs": ["StoryRun", "TranslationSettings", "VerifyOptions", "story",
                             "translation_settings", "verify"],
    "quotes.pipeline.verifier": ["Verifier"],
})

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
    "list_tweets",
    "load_articles",
    "missing_models_note",
    "model_statuses",
    "published_date",
    "set_account",
    "story",
    "translation_settings",
    "tweet_vectors",
    "verify",
]
