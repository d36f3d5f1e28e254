from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.update_me_request import UpdateMeRequest
from ...models.user_response import UserResponse
from ...types import Response


def _get_kwargs(
    *,
    body: UpdateMeRequest | UpdateMeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/me",
    }

    if isinstance(body, UpdateMeRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, UpdateMeRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserResponse | None:
    if response.status_code == 200:
        response_200 = UserResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | UserResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest | UpdateMeRequest,
) -> Response[Problem | UserResponse]:
    """Change my profile

     A JSON merge patch of `display_name`, `time_zone` and `target_field`
    (`null` clears `target_field`). Changing the time zone does not move
    reminders that already exist.

    Args:
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest | UpdateMeRequest,
) -> Problem | UserResponse | None:
    """Change my profile

     A JSON merge patch of `display_name`, `time_zone` and `target_field`
    (`null` clears `target_field`). Changing the time zone does not move
    reminders that already exist.

    Args:
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest | UpdateMeRequest,
) -> Response[Problem | UserResponse]:
    """Change my profile

     A JSON merge patch of `display_name`, `time_zone` and `target_field`
    (`null` clears `target_field`). Changing the time zone does not move
    reminders that already exist.

    Args:
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest | UpdateMeRequest,
) -> Problem | UserResponse | None:
    """Change my profile

     A JSON merge patch of `display_name`, `time_zone` and `target_field`
    (`null` clears `target_field`). Changing the time zone does not move
    reminders that already exist.

    Args:
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.
        body (UpdateMeRequest): A JSON merge patch of the profile: an absent field stays, `null`
            clears
            `target_field`. `email` and `role` cannot be changed here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
