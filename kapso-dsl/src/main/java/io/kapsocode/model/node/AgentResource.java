package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.RepositoryAuthType;
import io.kapsocode.model.Required;

/**
 * A GitHub repository mounted in an agent's sandbox. A personal access token is write-only in Kapso
 * and never belongs in sources, so it has no component here.
 *
 * @param resourceType {@code github_repository}
 * @param repoUrl the repository's URL
 * @param branch optional branch
 * @param authType {@code pat}, {@code github_app} or {@code public}
 * @param githubAppInstallationId the installation, for {@code github_app}
 */
@ReadOnlyKeys({
    "id",
    "owner",
    "repo_name",
    "has_pat",
    "has_github_app",
    "imported_missing_pat",
    "imported_missing_github_app",
    "pat"
})
public record AgentResource(
        @Required String resourceType,
        @Required String repoUrl,
        String branch,
        RepositoryAuthType authType,
        String githubAppInstallationId) {}
