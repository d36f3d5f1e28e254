from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.question_response import QuestionResponse
from ...models.update_question_request import UpdateQuestionRequest
from ...types import Response


def _get_kwargs(
    id: UUID,
    question_id: UUID,
    *,
    body: UpdateQuestionRequest | UpdateQuestionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/question-sets/{id}/questions/{question_id}".format(
            id=quote(str(id), safe=""),
            question_id=quote(str(question_id), safe=""),
        ),
    }

    if isinstance(body, UpdateQuestionRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, UpdateQuestionRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | QuestionResponse | None:
    if response.status_code == 200:
        response_200 = QuestionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | QuestionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    question_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateQuestionRequest | UpdateQuestionRequest,
) -> Response[Problem | QuestionResponse]:
    """Change a question

     A JSON merge patch of `text` and `category`. Library sets answer 403.

    Args:
        id (UUID):
        question_id (UUID):
        body (UpdateQuestionRequest): A JSON merge patch of a question.
        body (UpdateQuestionRequest): A JSON merge patch of a question.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuestionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        question_id=question_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    question_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateQuestionRequest | UpdateQuestionRequest,
) -> Problem | QuestionResponse | None:
    """Change a question

     A JSON merge patch of `text` and `category`. Library sets answer 403.

    Args:
        id (UUID):
        question_id (UUID):
        body (UpdateQuestionRequest): A JSON merge patch of a question.
        body (UpdateQuestionRequest): A JSON merge patch of a question.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuestionResponse
    """

    return sync_detailed(
        id=id,
        question_id=question_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    question_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateQuestionRequest | UpdateQuestionRequest,
) -> Response[Problem | QuestionResponse]:
    """Change a question

     A JSON merge patch of `text` and `category`. Library sets answer 403.

    Args:
        id (UUID):
        question_id (UUID):
        body (UpdateQuestionRequest): A JSON merge patch of a question.
        body (UpdateQuestionRequest): A JSON merge patch of a question.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuestionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        question_id=question_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    question_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateQuestionRequest | UpdateQuestionRequest,
) -> Problem | QuestionResponse | None:
    """Change a question

     A JSON merge patch of `text` and `category`. Library sets answer 403.

    Args:
        id (UUID):
        question_id (UUID):
        body (UpdateQuestionRequest): A JSON merge patch of a question.
        body (UpdateQuestionRequest): A JSON merge patch of a question.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuestionResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            question_id=question_id,
            client=client,
            body=body,
        )
    ).parsed
