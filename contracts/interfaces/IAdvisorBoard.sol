// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/**
 * @title IAdvisorBoard
 * @notice Advisors' statements of opinion on council motions: events, errors, the opinion record and functions.
 */
interface IAdvisorBoard {
    /// @notice What an advisor recommends; the values are the council's vote support values (Bravo).
    enum Recommendation {
        Against,
        For,
        Abstain
    }

    /// @notice One advisor's opinion on one motion.
    struct Opinion {
        address advisor;
        Recommendation recommendation;
        uint48 filedAt;
        bytes32 contentHash;
        string uri;
    }

    /// @notice An advisor was appointed.
    /// @param advisor The advisor's account.
    /// @param name Its display name.
    event AdvisorAppointed(address indexed advisor, string name);

    /// @notice An advisor was removed; its opinions stay on record.
    /// @param advisor The advisor's account.
    event AdvisorRemoved(address indexed advisor);

    /// @notice An advisor filed its opinion on a motion.
    /// @param proposalId The motion.
    /// @param advisor The advisor.
    /// @param recommendation For, Against or Abstain.
    /// @param uri Where the statement is published.
    /// @param contentHash Hash of the statement's content.
    event OpinionFiled(
        uint256 indexed proposalId,
        address indexed advisor,
        Recommendation recommendation,
        string uri,
        bytes32 contentHash
    );

    /// @notice The zero address cannot be an advisor.
    error AdvisorBoardZeroAddress();
    /// @notice The account is already an advisor.
    /// @param account The account.
    error AdvisorBoardAlreadyAdvisor(address account);
    /// @notice The account is not an advisor.
    /// @param account The account.
    error AdvisorBoardNotAdvisor(address account);
    /// @notice The name is empty or too long.
    /// @param length Its length in bytes.
    error AdvisorBoardInvalidName(uint256 length);
    /// @notice The recommendation is not Against (0), For (1) or Abstain (2).
    /// @param recommendation The value given.
    error AdvisorBoardInvalidRecommendation(uint8 recommendation);
    /// @notice The URI is empty or too long.
    /// @param length Its length in bytes.
    error AdvisorBoardInvalidURI(uint256 length);
    /// @notice The content hash is zero.
    error AdvisorBoardEmptyContentHash();
    /// @notice The governor has no such motion.
    /// @param proposalId The motion.
    error AdvisorBoardUnknownMotion(uint256 proposalId);
    /// @notice The motion's voting has ended (or it was canceled): no more opinions.
    /// @param proposalId The motion.
    /// @param current Its state.
    error AdvisorBoardVotingClosed(uint256 proposalId, IGovernor.ProposalState current);
    /// @notice The advisor already filed its opinion on this motion.
    /// @param proposalId The motion.
    /// @param advisor The advisor.
    error AdvisorBoardOpinionAlreadyFiled(uint256 proposalId, address advisor);
    /// @notice A page may hold at most `max` entries.
    /// @param limit Entries asked for.
    /// @param max Largest page.
    error AdvisorBoardPageTooLarge(uint256 limit, uint256 max);

    /**
     * @notice File an opinion on a motion whose voting has not ended (Pending or Active). Advisors only, once per
     * motion.
     * @param proposalId The motion.
     * @param recommendation Against (0), For (1) or Abstain (2).
     * @param uri Where the statement is published (1 to 256 bytes).
     * @param contentHash Hash of the statement's content (non-zero).
     */
    function fileOpinion(uint256 proposalId, uint8 recommendation, string calldata uri, bytes32 contentHash) external;

    /**
     * @notice How many opinions a motion has.
     * @param proposalId The motion.
     * @return The count.
     */
    function opinionCount(uint256 proposalId) external view returns (uint256);

    /**
     * @notice A page of a motion's opinions, in filing order.
     * @param proposalId The motion.
     * @param offset First index.
     * @param limit Entries at most (up to the page size).
     * @return page The opinions.
     */
    function opinions(uint256 proposalId, uint256 offset, uint256 limit) external view returns (Opinion[] memory page);
}
