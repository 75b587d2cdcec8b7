// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {TestBase} from "../utils/Vm.sol";

/**
 * @title ReserveHandler
 * @notice Drives random sequences of the Improvement Reserve's entry points for its invariants: funding (native
 * balance credits with no call, token transfers), pay, budgets and spends, grants and claims, cancellations,
 * outflow-limit changes, pauses and time. It owns the reserve (the timelock's stand-in) and records every
 * outflow with its time and the limit in force, and everything funded.
 */
contract ReserveHandler is TestBase {
    uint256 public constant UNIT = 1 ether;

    ImprovementReserve public immutable reserve;
    MockERC20 public immutable token;
    address public constant SPENDER = address(0x5EED);
    address public constant GUARDIAN = address(0x6A2D);

    struct OutflowRecord {
        address asset;
        uint48 time;
        uint256 amount;
        uint256 limit;
    }

    OutflowRecord[] private _records;
    mapping(address asset => uint256) public funded;
    mapping(address asset => uint256) public outflown;
    uint256 private _nonce;

    constructor() {
        token = new MockERC20("Reserve Token", "RST");
        address[] memory assets = new address[](2);
        assets[1] = address(token);
        uint256[] memory limits = new uint256[](2);
        limits[0] = 50 * UNIT;
        limits[1] = 50 * UNIT;
        reserve = new ImprovementReserve(address(this), GUARDIAN, 365 days, 14 days, assets, limits);
    }

    // ---------------------------------------------------------------- actions

    /// @notice Coin or tokens arrive (the native coin by a balance credit with no call).
    function fund(bool native, uint256 amount) external {
        amount = bound(amount, 1, 40 * UNIT);
        if (native) {
            VM.deal(address(reserve), address(reserve).balance + amount);
            funded[address(0)] += amount;
        } else {
            token.mint(address(reserve), amount);
            funded[address(token)] += amount;
        }
    }

    /// @notice Governance pays out of the uncommitted balance.
    function pay(bool native, uint256 amount) external {
        address asset = _asset(native);
        amount = bound(amount, 1, 20 * UNIT);
        try reserve.pay(asset, _fresh(), amount, "pay") {
            _record(asset, amount);
        } catch {}
    }

    /// @notice Governance approves a budget for the spender, open from now for 10 to 40 days.
    function approveBudget(bool native, uint256 amount, uint256 length) external {
        amount = bound(amount, 1, 30 * UNIT);
        try
            reserve.approveBudget(
                "ops",
                _asset(native),
                SPENDER,
                amount,
                block.timestamp,
                block.timestamp + bound(length, 10 days, 40 days)
            )
        {} catch {}
    }

    /// @notice The spender pays out of a budget.
    function spend(uint256 budgetSeed, uint256 amount) external {
        uint256 count = reserve.budgetCount();
        if (count == 0) return;
        uint256 id = bound(budgetSeed, 1, count);
        amount = bound(amount, 1, 10 * UNIT);
        VM.prank(SPENDER);
        try reserve.spend(id, _fresh(), amount, "spend") {
            _record(reserve.budget(id).asset, amount);
        } catch {}
    }

    /// @notice Governance cancels a budget, or anyone releases an expired one.
    function closeBudget(uint256 budgetSeed, bool cancel) external {
        uint256 count = reserve.budgetCount();
        if (count == 0) return;
        uint256 id = bound(budgetSeed, 1, count);
        if (cancel) {
            try reserve.cancelBudget(id) {} catch {}
        } else {
            try reserve.releaseExpiredBudget(id) {} catch {}
        }
    }

    /// @notice Governance creates a grant to a fixed recipient set, vesting over 10 to 60 days.
    function createGrant(bool native, uint256 total, uint256 duration, uint256 recipientSeed) external {
        total = bound(total, 1, 30 * UNIT);
        duration = bound(duration, 10 days, 60 days);
        try
            reserve.createGrant(
                _recipient(recipientSeed),
                _asset(native),
                total,
                block.timestamp,
                block.timestamp + duration / 4,
                duration
            )
        {} catch {}
    }

    /// @notice A recipient claims what vested.
    function claim(uint256 grantSeed) external {
        uint256 count = reserve.grantCount();
        if (count == 0) return;
        uint256 id = bound(grantSeed, 1, count);
        address recipient = reserve.grant(id).recipient;
        VM.prank(recipient);
        try reserve.claim(id) returns (uint256 amount) {
            _record(reserve.grant(id).asset, amount);
        } catch {}
    }

    /// @notice Governance cancels a grant.
    function cancelGrant(uint256 grantSeed) external {
        uint256 count = reserve.grantCount();
        if (count == 0) return;
        try reserve.cancelGrant(bound(grantSeed, 1, count)) {} catch {}
    }

    /// @notice Governance changes an outflow limit.
    function setOutflowLimit(bool native, uint256 limit) external {
        reserve.setOutflowLimit(_asset(native), bound(limit, 0, 80 * UNIT));
    }

    /// @notice The guardian pauses, or governance unpauses.
    function togglePause(bool byGuardian) external {
        if (byGuardian) {
            VM.prank(GUARDIAN);
            try reserve.pause() {} catch {}
        } else {
            try reserve.unpause() {} catch {}
        }
    }

    /// @notice Time passes.
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + bound(secondsSeed, 1 hours, 12 days));
    }

    // ---------------------------------------------------------------- ghost views

    /// @notice The number of outflows recorded.
    function recordCount() external view returns (uint256) {
        return _records.length;
    }

    /// @notice One recorded outflow.
    function record(uint256 i) external view returns (OutflowRecord memory) {
        return _records[i];
    }

    /// @notice The selectors the invariant runner may call.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](11);
        selectors[0] = this.fund.selector;
        selectors[1] = this.pay.selector;
        selectors[2] = this.approveBudget.selector;
        selectors[3] = this.spend.selector;
        selectors[4] = this.closeBudget.selector;
        selectors[5] = this.createGrant.selector;
        selectors[6] = this.claim.selector;
        selectors[7] = this.cancelGrant.selector;
        selectors[8] = this.setOutflowLimit.selector;
        selectors[9] = this.togglePause.selector;
        selectors[10] = this.warp.selector;
    }

    // ---------------------------------------------------------------- internals

    function _record(address asset, uint256 amount) private {
        outflown[asset] += amount;
        _records.push(OutflowRecord(asset, uint48(block.timestamp), amount, reserve.outflowLimit(asset)));
    }

    function _asset(bool native) private view returns (address) {
        return native ? address(0) : address(token);
    }

    function _recipient(uint256 seed) private pure returns (address) {
        return address(uint160(0xA11CE0 + (seed % 4)));
    }

    function _fresh() private returns (address) {
        return address(uint160(0xB0B000 + ++_nonce));
    }
}
